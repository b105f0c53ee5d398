use super::*;
use proptest::prelude::*;

fn yuan(text: &str) -> Result<u64, AmountError> {
    Amount::parse(text).map(Amount::fen)
}

#[test]
fn typed_amounts_parse_to_whole_fen() {
    let cases = [
        ("50000", 5_000_000),
        ("5万", 5_000_000),
        ("5 万", 5_000_000),
        ("5.5万", 5_500_000),
        ("1.234567万", 1_234_567),
        ("50,000.00", 5_000_000),
        ("1,234,567.8", 123_456_780),
        ("￥1,200.5", 120_050),
        ("¥ 30000 元", 3_000_000),
        ("０.０１", 1),
        ("５００００", 5_000_000),
        ("49999.99", 4_999_999),
        (".5", 50),
        ("7.", 700),
        ("0", 0),
        ("+12", 1_200),
    ];
    for (input, fen) in cases {
        assert_eq!(yuan(input), Ok(fen), "input {input:?}");
    }
}

#[test]
fn bad_amounts_are_refused_with_a_reason() {
    let cases = [
        ("", AmountError::Empty),
        ("   ", AmountError::Empty),
        ("-1", AmountError::Negative),
        ("－5万", AmountError::Negative),
        ("1.234", AmountError::TooManyDecimals),
        ("1.2345678万", AmountError::TooManyDecimals),
        ("abc", AmountError::NotANumber),
        ("12a", AmountError::NotANumber),
        ("1.2.3", AmountError::NotANumber),
        (".", AmountError::NotANumber),
        ("万", AmountError::NotANumber),
        ("5,00", AmountError::MisplacedSeparator),
        ("1234,567", AmountError::MisplacedSeparator),
        (",123", AmountError::MisplacedSeparator),
        ("99999999999999999999", AmountError::TooLarge),
        ("184467440737095517", AmountError::TooLarge),
        ("18446744073709552万", AmountError::TooLarge),
    ];
    for (input, error) in cases {
        assert_eq!(yuan(input), Err(error), "input {input:?}");
    }
}

#[test]
fn amounts_print_grouped_with_two_decimals() {
    assert_eq!(Amount::from_fen(5_000_000).to_string(), "50,000.00");
    assert_eq!(Amount::from_fen(1).to_string(), "0.01");
    assert_eq!(Amount::from_fen(123_456_789).to_string(), "1,234,567.89");
    assert_eq!(Amount::ZERO.to_string(), "0.00");
}

proptest! {
    #[test]
    fn printing_then_parsing_gives_back_the_same_amount(fen in 0u64..=u64::MAX / 1000) {
        let amount = Amount::from_fen(fen);
        prop_assert_eq!(Amount::parse(&amount.to_string()), Ok(amount));
    }

    #[test]
    fn wan_is_ten_thousand_yuan(wan in 0u64..1_000_000_000) {
        prop_assert_eq!(yuan(&format!("{wan}万")), Ok(wan * 1_000_000));
    }

    #[test]
    fn parsing_never_panics(input in "\\PC{0,40}") {
        let _ = Amount::parse(&input);
    }
}
