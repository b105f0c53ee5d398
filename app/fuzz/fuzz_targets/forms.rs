//! Every form as the server receives it, a JSON body, straight into the
//! checks the server runs: none may panic, whatever the bytes.

#![no_main]

use app::domain::change::ChangeDraft;
use app::domain::process::{EntryDraft, OutputKind, PaymentDraft};
use app::domain::{ApplicationDraft, CalendarDate, DelegationDraft, LocalMinute};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(today) = CalendarDate::new(2026, 12, 4) else {
        return;
    };
    let Ok(now) = LocalMinute::new(today, 9, 30) else {
        return;
    };
    if let Ok(draft) = serde_json::from_slice::<ApplicationDraft>(data) {
        let _ = draft.validate(today);
        let _ = draft.approval_tier();
    }
    if let Ok(draft) = serde_json::from_slice::<ChangeDraft>(data) {
        let _ = draft.validate(now);
    }
    if let Ok(draft) = serde_json::from_slice::<EntryDraft>(data) {
        for kind in OutputKind::ALL {
            let _ = draft.validate(kind);
        }
    }
    if let Ok(draft) = serde_json::from_slice::<PaymentDraft>(data) {
        let _ = draft.validate(today);
    }
    if let Ok(draft) = serde_json::from_slice::<DelegationDraft>(data) {
        let _ = draft.validate("me", today);
    }
});
