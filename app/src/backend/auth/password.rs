//! Argon2id password hashes in PHC string form. Hashing is deliberately
//! slow, so it runs on the blocking pool, away from the request threads.

use argon2::{
    Argon2, PasswordHash, PasswordHasher, PasswordVerifier,
    password_hash::{SaltString, rand_core::OsRng},
};
use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// Each hash takes about 19 MiB and tens of milliseconds of a core; a burst
/// of sign-ins waits here rather than exhausting memory.
static HASHING: Semaphore = Semaphore::const_new(4);

/// A stored hash. Never serialised, never logged.
pub struct PasswordHashString(String);

impl PasswordHashString {
    pub fn from_stored(hash: String) -> Self {
        PasswordHashString(hash)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PasswordHashString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHashString(…)")
    }
}

/// Compared against when the user does not exist, so that an unknown
/// name takes as long to refuse as a wrong password.
static DECOY: LazyLock<Option<String>> = LazyLock::new(|| hash_now("decoy password").ok());

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

pub async fn hash(password: String) -> Result<PasswordHashString, HashError> {
    let _permit = HASHING
        .acquire()
        .await
        .map_err(|e| HashError(e.to_string()))?;
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|e| HashError(e.to_string()))?
        .map(PasswordHashString)
}

/// True when `password` matches `stored`; with no stored hash, spends the
/// same effort and answers false.
pub async fn verify(stored: Option<PasswordHashString>, password: String) -> bool {
    let Ok(_permit) = HASHING.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        let decoy = DECOY.as_deref();
        let (hash, real) = match &stored {
            Some(stored) => (Some(stored.as_str()), true),
            None => (decoy, false),
        };
        let matches = hash
            .and_then(|h| PasswordHash::new(h).ok())
            .is_some_and(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            });
        real && matches
    })
    .await
    .unwrap_or(false)
}

fn hash_now(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let stored = hash("correct horse".into()).await.expect("hashing works");
        assert!(stored.as_str().starts_with("$argon2id$"));

        let again = PasswordHashString::from_stored(stored.as_str().to_owned());
        assert!(verify(Some(stored), "correct horse".into()).await);
        assert!(!verify(Some(again), "wrong horse".into()).await);
    }

    #[tokio::test]
    async fn an_unknown_user_never_verifies_even_with_the_decoy_password() {
        assert!(!verify(None, "decoy password".into()).await);
    }
}
