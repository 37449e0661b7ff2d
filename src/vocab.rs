//! The shared vocabulary: every closed set of names that rules, scanning, verdicts, rows,
//! evaluation and comparison speak of, each spelled once, with its rule-file and output names.
use serde::de::{Deserialize, Deserializer, Error as _};
use std::fmt;

/// Declares a vocabulary enum: its variants with their names, `name()`, `parse()`, `ALL`,
/// `Display`, and a serde `Deserialize` whose error lists the allowed names.
macro_rules! vocab {
    ($(#[$meta:meta])* $name:ident $(default $default:ident)? { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The name used in rule files and output.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value of a name, if it is one.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The allowed names, comma-separated (for error messages).
            pub fn allowed() -> String {
                Self::ALL.iter().map(|v| v.name()).collect::<Vec<_>>().join(", ")
            }
        }

        $(impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        })?

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| D::Error::custom(format!("unknown value `{s}` (allowed: {})", $name::allowed())))
            }
        }
    };
}

vocab! {
    /// What a document's latest decision (or latest status message) did.
    Outcome default Unknown {
        /// Receipt confirmed, nothing decided.
        Acknowledgement = "acknowledgement",
        /// Deadline extended or reply delayed.
        Extension = "extension",
        /// The authority asks the requester to clarify.
        Clarification = "clarification",
        /// All requested information given.
        Provided = "provided",
        /// Some given, some withheld or not held.
        Partial = "partial",
        /// Nothing given because of a ground.
        Refused = "refused",
        /// None of the information is held.
        NotHeld = "not_held",
        /// A review keeps the original decision.
        ReviewUpheld = "review_upheld",
        /// A review reverses a refusal.
        ReviewOverturned = "review_overturned",
        /// A review changes the decision in part.
        ReviewPartial = "review_partial",
        /// No authority message with a decision or status.
        Unknown = "unknown",
    }
}

impl Outcome {
    /// A decision (as opposed to a status message or nothing).
    pub fn is_decision(self) -> bool {
        !matches!(self, Outcome::Acknowledgement | Outcome::Extension | Outcome::Clarification | Outcome::Unknown)
    }

    /// A review result.
    pub fn is_review(self) -> bool {
        matches!(self, Outcome::ReviewUpheld | Outcome::ReviewOverturned | Outcome::ReviewPartial)
    }

    /// The matching WhatDoTheyKnow request state (empty when none matches).
    pub fn wdtk_state(self) -> &'static str {
        match self {
            Outcome::Provided | Outcome::ReviewOverturned => "successful",
            Outcome::Partial | Outcome::ReviewPartial => "partially_successful",
            Outcome::Refused | Outcome::ReviewUpheld => "rejected",
            Outcome::NotHeld => "not_held",
            Outcome::Acknowledgement | Outcome::Extension => "waiting_response",
            Outcome::Clarification => "waiting_clarification",
            Outcome::Unknown => "",
        }
    }
}

vocab! {
    /// What a rule produces when it matches (the `kind` key of a rule).
    Kind {
        /// A section or regulation reference; the `list` capture is parsed into ids.
        Citation = "citation",
        /// An exemption named by its title only; `sections` maps regime to section.
        Title = "title",
        /// A cue for the kind of message, NCND, refusal frames, roles (see `signal`).
        Signal = "signal",
        /// A context cue that gives citations in its scope a status (ConText style).
        Modifier = "modifier",
        /// Ends a modifier's scope.
        Terminator = "terminator",
        /// Marks a zone of a message (footer, quoted request, signature, web noise).
        Zone = "zone",
        /// A line that starts a new message (headers, openers) or closes one.
        Boundary = "boundary",
        /// A cue for the legal regime of a message.
        Regime = "regime",
        /// The name of another Act: numbers next to it are not FOI citations.
        OtherAct = "other-act",
        /// A heading that opens a part of a letter (see `part`).
        Heading = "heading",
    }
}

vocab! {
    /// Cues a `signal` rule produces: the kind of a message, NCND, review results, roles.
    Signal {
        /// Receipt of a request confirmed.
        Acknowledgement = "acknowledgement",
        /// The authority asks for clarification.
        Clarification = "clarification",
        /// Deadline extended or reply delayed.
        Extension = "extension",
        /// Neither confirm nor deny.
        Ncnd = "ncnd",
        /// "Cannot even establish whether held" on cost: not an NCND.
        NcndCost = "ncnd-cost",
        /// A disclaimer that an NCND reveals nothing (explains, does not apply NCND).
        NcndDisclaimer = "ncnd-disclaimer",
        /// The authority confirms it holds the information (an answer or a refusal follows).
        Held = "held",
        /// The information is not held.
        NotHeld = "not-held",
        /// A review reverses the decision.
        Overturned = "overturned",
        /// Some information given, some withheld.
        Partial = "partial",
        /// Information given.
        Provided = "provided",
        /// A refusal frame.
        Refusal = "refusal",
        /// A review releases information.
        Released = "released",
        /// A review has been carried out.
        ReviewDone = "review-done",
        /// A review changes the decision in part.
        ReviewPartial = "review-partial",
        /// The message speaks of an internal review.
        ReviewTopic = "review-topic",
        /// The author is the authority.
        RoleAuthority = "role-authority",
        /// The author is the requester.
        RoleRequester = "role-requester",
        /// A review keeps the decision.
        Upheld = "upheld",
        /// Information volunteered outside the Act.
        Volunteered = "volunteered",
    }
}

impl Signal {
    /// A cue for who wrote a message rather than what it does.
    pub fn is_role(self) -> bool {
        matches!(self, Signal::RoleAuthority | Signal::RoleRequester)
    }

    /// A cue that, under a public-interest or harm heading, is part of the argument ("the public
    /// interest is met in part by what we publish") rather than what the letter does.
    pub fn argues(self) -> bool {
        matches!(self, Signal::Provided | Signal::Held | Signal::Partial | Signal::Volunteered | Signal::Released | Signal::NotHeld)
    }
}

vocab! {
    /// The part of a letter a line belongs to, opened by a heading and closed by the next.
    Part default Decision {
        /// The decision and its answers (also where no heading says otherwise).
        Decision = "decision",
        /// The request restated (one paragraph under its heading).
        Request = "request",
        /// An earlier decision, the history of the case: recounted, not decided.
        Background = "background",
        /// Public interest test, harm, reasons for the decision.
        Reasons = "reasons",
        /// Advice and assistance: how the request could be narrowed.
        Advice = "advice",
        /// An annex or appendix reproducing the law.
        Annex = "annex",
    }
}

impl Part {
    /// Whether the part speaks of the decision the letter makes (its cues vote on the outcome).
    pub fn decides(self) -> bool {
        matches!(self, Part::Decision | Part::Reasons)
    }
}

vocab! {
    /// How far a row's outcome can be trusted without a person reading the letter.
    Confidence default Low {
        /// Clear evidence for the outcome, none against it.
        High = "high",
        /// The outcome is the likelier reading, but the evidence is thin or mixed.
        Medium = "medium",
        /// A fallback decided the row, or the evidence points several ways.
        Low = "low",
    }
}

vocab! {
    /// What a reply did with one question of a multi-part request.
    Answer {
        /// The information asked for is given (figures, Yes/No, text, a table).
        Provided = "provided",
        /// The authority holds none of it.
        NotHeld = "not_held",
        /// Withheld under a ground.
        Refused = "refused",
        /// Neither confirmed nor denied.
        Ncnd = "ncnd",
        /// Published elsewhere (FOIA s21, FOISA s25, a link).
        Published = "published",
        /// Over the cost limit (FOIA/FOISA s12).
        Cost = "cost",
    }
}

impl Answer {
    /// Gives the information (here or where it is published).
    pub fn gives(self) -> bool {
        matches!(self, Answer::Provided | Answer::Published)
    }

    /// Withholds it (a ground, NCND or cost).
    pub fn withholds(self) -> bool {
        matches!(self, Answer::Refused | Answer::Ncnd | Answer::Cost)
    }
}

vocab! {
    /// Status a context modifier gives to citations in its scope.
    ModStatus {
        /// "may be engaged", "would apply if".
        Hypothetical = "hypothetical",
        /// "does not apply", "we are not relying on".
        Negated = "negated",
        /// An account of what the law says.
        Explanatory = "explanatory",
        /// The statute's own wording of a ground ("regulation 12(4)(a) provides that an authority
        /// may refuse ... to the extent that"): its conditions are the law's, not a counterfactual.
        Statute = "statute",
        /// An earlier decision recounted.
        Historical = "historical",
        /// What someone else said or did.
        Reported = "reported",
        /// Being considered, not yet decided.
        Provisional = "provisional",
        /// An applying frame: confirms reliance.
        Applied = "applied",
    }
}

vocab! {
    /// Status of one named provision in the verdict's evidence.
    Status {
        /// Relied on by the message.
        Cited = "cited",
        /// Named in a hypothetical or warning.
        Hypothetical = "hypothetical",
        /// Considered and rejected.
        Negated = "negated",
        /// Named while explaining the law.
        Explanatory = "explanatory",
        /// Named in an account of an earlier decision.
        Historical = "historical",
        /// Named in a report of what someone else did.
        Reported = "reported",
        /// Under consideration, not decided.
        Provisional = "provisional",
        /// A procedural provision (s1, s10, s17, s50...).
        Procedural = "procedural",
        /// Inside the requester's text or a quoted e-mail.
        Quoted = "quoted",
        /// In a footer, signature or page furniture.
        Boilerplate = "boilerplate",
        /// A number of another Act.
        OtherAct = "other-act",
    }
}

impl From<ModStatus> for Status {
    fn from(m: ModStatus) -> Status {
        match m {
            ModStatus::Hypothetical => Status::Hypothetical,
            ModStatus::Negated => Status::Negated,
            ModStatus::Explanatory | ModStatus::Statute => Status::Explanatory,
            ModStatus::Historical => Status::Historical,
            ModStatus::Reported => Status::Reported,
            ModStatus::Provisional => Status::Provisional,
            ModStatus::Applied => Status::Cited,
        }
    }
}

vocab! {
    /// Zones of a message.
    ZoneKind {
        /// The message's own text.
        Body = "body",
        /// The request restated inside a reply.
        QuotedRequest = "quoted-request",
        /// Earlier e-mails quoted below a reply.
        QuotedHistory = "quoted-history",
        /// Complaint rights and other templated endings.
        Footer = "footer",
        /// Sign-off and sender details.
        Signature = "signature",
        /// Page furniture of a web page.
        WebNoise = "web-noise",
    }
}

vocab! {
    /// Line roles that shape segmentation.
    BoundaryKind {
        /// An e-mail header line (From:, Sent:, To:, Subject:, Date:).
        Header = "header",
        /// A marker that an earlier e-mail follows ("-----Original Message-----", "On ... wrote:").
        QuoteIntro = "quote-intro",
        /// A line that opens a letter ("Dear ...", "Thank you for your request").
        Opener = "opener",
        /// A sign-off ("Yours sincerely", "Kind regards").
        Closing = "closing",
        /// A response heading ending a quoted request ("Response:", "Answer").
        Response = "response",
        /// A separator between messages of an archive (a line of dashes).
        Separator = "separator",
        /// A line that always starts a new message (a thread page's "Name   date" header).
        Start = "start",
    }
}

vocab! {
    /// Regime cue of a `regime` rule.
    RegimeCue {
        /// Scottish law (FOISA/EISR).
        Scotland = "scotland",
        /// Law of England, Wales and Northern Ireland / UK-wide (FOIA/EIR).
        Uk = "uk",
        /// Environmental information (EIR/EISR).
        Environmental = "environmental",
        /// The general FOI Act (FOIA/FOISA) rather than the environmental regulations.
        Act = "act",
    }
}

vocab! {
    /// Numbering scheme of a citation pattern; the message's regime picks the Act.
    Scheme {
        /// "section N": FOIA, or FOISA in a Scottish message.
        Act = "act",
        /// "regulation N": EIR, or EISR in a Scottish message.
        Regs = "regs",
    }
}

vocab! {
    /// Nation an authority belongs to (Scottish bodies default to FOISA).
    Nation {
        /// England.
        England = "england",
        /// Wales.
        Wales = "wales",
        /// Scotland.
        Scotland = "scotland",
        /// Northern Ireland.
        NorthernIreland = "ni",
        /// A UK-wide body.
        Uk = "uk",
    }
}

vocab! {
    /// The access regime a provision or decision belongs to.
    Regime {
        /// Freedom of Information Act 2000.
        Foia = "foia",
        /// Environmental Information Regulations 2004.
        Eir = "eir",
        /// Freedom of Information (Scotland) Act 2002.
        Foisa = "foisa",
        /// Environmental Information (Scotland) Regulations 2004.
        Eisr = "eisr",
    }
}

impl Regime {
    /// The regime a numbering scheme means in a Scottish or other message.
    pub fn of(scheme: Scheme, scotland: bool) -> Regime {
        match (scheme, scotland) {
            (Scheme::Act, false) => Regime::Foia,
            (Scheme::Act, true) => Regime::Foisa,
            (Scheme::Regs, false) => Regime::Eir,
            (Scheme::Regs, true) => Regime::Eisr,
        }
    }
}

vocab! {
    /// Who wrote a message.
    Role {
        /// The public authority.
        Authority = "authority",
        /// The person who asked.
        Requester = "requester",
    }
}

vocab! {
    /// A modifier's direction relative to its cue.
    Direction default Forward {
        /// Citations after the cue.
        Forward = "forward",
        /// Citations before the cue.
        Backward = "backward",
        /// Both sides.
        Both = "both",
    }
}

vocab! {
    /// How far a modifier reaches.
    Scope default Sentence {
        /// To the end (or start) of the sentence.
        Sentence = "sentence",
        /// To the end (or start) of the line.
        Line = "line",
        /// To the end (or start) of the paragraph (blank line).
        Paragraph = "paragraph",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_errors_list_the_allowed_values() {
        for s in Signal::ALL {
            assert_eq!(Signal::parse(s.name()), Some(*s));
        }
        let err = toml::from_str::<std::collections::BTreeMap<String, Signal>>("x = \"refusl\"").unwrap_err().to_string();
        assert!(err.contains("refusl") && err.contains("refusal, released"), "{err}");
        assert_eq!(Outcome::NotHeld.name(), "not_held");
        assert!(!Outcome::Extension.is_decision() && Outcome::ReviewPartial.is_decision());
    }
}
