//! Signing in and out, the current session, and one's own password.

mod change_password;
mod current_session;
mod sign_in;
mod sign_out;

pub use change_password::{ChangePassword, change_password};
pub use current_session::{CurrentSession, current_session};
pub use sign_in::{SignIn, sign_in};
pub use sign_out::{SignOut, sign_out};

/// Where to go after signing in: only a path on this site, so a crafted
/// link cannot send someone elsewhere (open redirect).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with("/sign-in") => "/".to_owned(),
        other => safe_local_path(other),
    }
}

/// A path on this site, or `/`.
pub fn safe_local_path(path: Option<&str>) -> String {
    match path {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(char::is_control) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        let cases = [
            (Some("/admin/users"), "/admin/users"),
            (Some("https://evil.example"), "/"),
            (Some("//evil.example"), "/"),
            (Some("/\\evil.example"), "/"),
            (Some("/sign-in"), "/"),
            (Some("/a\nb"), "/"),
            (None, "/"),
        ];
        for (next, expected) in cases {
            assert_eq!(safe_next(next), expected, "{next:?}");
        }
    }
}
