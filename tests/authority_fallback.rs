//! A body missing from the authority list is named from the heads and sign-offs of its own letter.
use foitag::rules::RuleSet;

fn authority(text: &str) -> Option<String> {
    let rules = RuleSet::defaults().unwrap();
    foitag::analyse(&rules, text, None).authority
}

#[test]
fn an_unlisted_body_is_named_from_its_letterhead_and_signature() {
    let letter = "Little Wendling Parish Council\nThe Old School, Church Lane\n\nDear Ms Okafor,\n\nThank you for your request. \
                  The council paid £1,240 for grass cutting in 2024. The information is provided below.\n\nYours sincerely,\n\nClerk to \
                  Little Wendling Parish Council\n";
    assert_eq!(authority(letter).as_deref(), Some("Little Wendling Parish Council"));
}

#[test]
fn a_listed_authority_still_wins_and_the_commissioner_is_never_the_author() {
    let letter = "Dear Mr Hale,\n\nKent Police has now considered your request. The information is provided below.\n\nIf you are \
                  unhappy you may complain to the Information Commissioner.\n\nKent Police\n";
    assert_eq!(authority(letter).as_deref(), Some("Kent Police"));
    let unsigned = "Dear Mr Hale,\n\nThe information is provided below.\n\nYou may complain to the Information Commissioner's Office.\n";
    assert_eq!(authority(unsigned), None);
}
