//! Walks the trail from the first event and reports the first link that
//! does not hold.

use super::event::Sealed;
use crate::backend::db::Db;
use surrealdb::types::SurrealValue;

/// Events are read this many at a time, so a long trail needs no more
/// memory than a short one.
const PAGE: i64 = 1_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub events: i64,
    pub first_break: Option<Break>,
}

/// Where the chain breaks, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// The event's content no longer matches its hash: it was edited.
    Edited { seq: i64 },
    /// The event does not follow the one before: events were removed or
    /// inserted.
    Relinked { seq: i64 },
    /// A number is missing from the sequence: an event was deleted.
    Missing { seq: i64 },
    /// The newest event is not the one the head names: the trail was cut
    /// short, or the head was tampered with.
    Head { seq: i64 },
}

#[derive(SurrealValue, Default)]
struct Head {
    seq: i64,
    hash: String,
}

pub async fn verify(db: &Db) -> Result<Report, surrealdb::Error> {
    // The head first: events appended while the walk runs lie beyond it
    // and are left for the next check rather than mistaken for a cut.
    let head: Option<Head> = db
        .query("SELECT seq, hash FROM ONLY audit_head:current")
        .await?
        .take(0)?;
    let head = head.unwrap_or_default();
    let mut expected_seq = 1;
    let mut prev_hash = String::new();

    loop {
        let page: Vec<Sealed> = db
            .query(
                "SELECT * OMIT id FROM audit_event WHERE seq >= $from AND seq <= $to \
                 ORDER BY seq LIMIT $page",
            )
            .bind(("from", expected_seq))
            .bind(("to", head.seq))
            .bind(("page", PAGE))
            .await?
            .take(0)?;
        let Some(last) = page.last().map(|e| e.seq) else {
            break;
        };
        for event in &page {
            if let Some(found) = check(event, expected_seq, &prev_hash) {
                return Ok(Report {
                    events: expected_seq - 1,
                    first_break: Some(found),
                });
            }
            expected_seq += 1;
            prev_hash = event.hash.clone();
        }
        if page.len() < PAGE as usize || last < expected_seq - 1 {
            break;
        }
    }

    let events = expected_seq - 1;
    if head.seq == 0 {
        // No head at all: only an empty trail may lack one.
        let orphans: Option<i64> = db
            .query("RETURN array::len(SELECT VALUE id FROM audit_event LIMIT 1)")
            .await?
            .take(0)?;
        if orphans.unwrap_or(0) > 0 {
            return Ok(Report {
                events: 0,
                first_break: Some(Break::Head { seq: 0 }),
            });
        }
    }
    let first_break =
        (head.seq != events || head.hash != prev_hash).then_some(Break::Head { seq: events });
    Ok(Report {
        events,
        first_break,
    })
}

fn check(event: &Sealed, expected_seq: i64, prev_hash: &str) -> Option<Break> {
    if event.seq != expected_seq {
        return Some(Break::Missing { seq: expected_seq });
    }
    if event.prev_hash != prev_hash {
        return Some(Break::Relinked { seq: event.seq });
    }
    if event.hash != event.expected_hash() {
        return Some(Break::Edited { seq: event.seq });
    }
    None
}
