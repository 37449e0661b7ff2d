//! WhatDoTheyKnow "download all correspondence" archives.
mod input_common;

use foitag::input::LoadOptions;
use input_common::{fixture, load_fixture, load_with, pos};

#[test]
fn decision_in_attached_pdf_sits_after_its_message() {
    let doc = load_fixture("wdtk/parking_enforcement_contract_an.zip");
    let t = &doc.text;
    let request = pos(t, "1. The annual value of your current parking enforcement contract.");
    let ack = pos(t, "We will respond by 4 March 2024.");
    let reply = pos(t, "Please find attached our response to your request.");
    let listed = pos(t, "Attachment: FOI 2024 0312 response.pdf (41K)");
    let sep = pos(t, "----- Attachment: FOI 2024 0312 response.pdf -----");
    let decision = pos(t, "the information is exempt under section 43(2) of the Freedom of");
    let public_interest = pos(t, "interest in maintaining the exemption outweighs the public interest in disclosure.");
    let annex = pos(t, "Requests for review go to the Monitoring Officer.");
    let review_request = pos(t, "Please pass this on to the person who conducts Freedom of Information reviews.");
    assert!(request < ack && ack < reply && reply < listed && listed < sep);
    assert!(sep < decision && decision < public_interest && public_interest < annex);
    assert!(annex < review_request, "attachments go before the next message");
    assert_eq!(t.matches("section 43(2)").count(), 1, "attachment inserted once");
    assert!(!t.contains("----- Attachment: logo.png"), "images are skipped");

    assert_eq!(doc.meta.authority.as_deref(), Some("Northshire County Council"));
    assert_eq!(doc.meta.subject.as_deref(), Some("Parking enforcement contract and performance reports"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://www.whatdotheyknow.com/request/parking_enforcement_contract_an"));
    assert_eq!(doc.meta.request.as_deref(), Some("parking_enforcement_contract_an"));
    assert_eq!(doc.meta.date.as_deref(), Some("2024-03-01"));
}

#[test]
fn decompressed_size_is_limited() {
    let opts = LoadOptions { max_bytes: 3000, ..LoadOptions::default() };
    let path = fixture("wdtk/parking_enforcement_contract_an.zip");
    let err = load_with(&path, &opts).unwrap_err();
    assert!(err.reason.starts_with("too large"), "{err}");
}
