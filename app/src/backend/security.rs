//! The Content-Security-Policy ISFlow's pages satisfy: scripts only from
//! this site or inline with the page's nonce (Leptos puts it on each of
//! its inline scripts), WebAssembly compilation, styles from this site.

pub fn page_policy(nonce: Option<&str>) -> String {
    let nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The nonce Leptos put on the page's inline scripts, read back from the
/// rendered document so that the header always names the nonce the page
/// really uses. Only URL-safe base64 is accepted, so nothing from the page
/// can reach the header unchecked.
pub fn nonce_in(html: &[u8]) -> Option<&str> {
    const MARKER: &[u8] = b"nonce=\"";
    let start = html.windows(MARKER.len()).position(|w| w == MARKER)? + MARKER.len();
    let length = html[start..].iter().position(|b| *b == b'"')?;
    let nonce = std::str::from_utf8(&html[start..start + length]).ok()?;
    let well_formed = !nonce.is_empty()
        && nonce.len() <= 64
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    well_formed.then_some(nonce)
}

/// For everything that is not a page: nothing may run or embed it.
pub const RESOURCE_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_allows_only_the_nonced_inline_scripts() {
        let policy = page_policy(Some("abc"));
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn a_page_without_inline_scripts_gets_no_nonce() {
        assert!(page_policy(None).contains("script-src 'self' 'wasm-unsafe-eval'"));
    }

    #[test]
    fn the_nonce_is_read_from_the_first_script_and_must_be_base64() {
        let page = br#"<link crossorigin="x"><script type="module" nonce="Ab-_9z">x</script>"#;
        assert_eq!(nonce_in(page), Some("Ab-_9z"));
        assert_eq!(nonce_in(br#"<script nonce="a b">"#), None);
        assert_eq!(
            nonce_in(
                br#"<script nonce="a
Set-Cookie: x">"#
            ),
            None
        );
        assert_eq!(nonce_in(b"<p>no scripts</p>"), None);
    }
}
