//! Amounts as users type them: `12,345.67`, `5万`, `¥3000`, and anything
//! else. Parsing never panics, and what it accepts prints back to itself.

#![no_main]

use app::domain::Amount;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(amount) = Amount::parse(text) {
        // Printing shows yuan with two decimals; beyond this bound the
        // yuan no longer fit the parser's own arithmetic.
        if amount.fen() <= u64::MAX / 1000 {
            assert_eq!(Amount::parse(&amount.to_string()), Ok(amount), "{text:?}");
        }
        let _ = amount.to_grouped_yuan();
        let _ = app::domain::ApprovalTier::for_amount(amount);
    }
});
