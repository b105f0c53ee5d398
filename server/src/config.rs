//! Configuration from environment variables, all prefixed `ISFLOW_`, with
//! defaults that run out of the box. Secrets have no defaults.

use app::backend::{
    Settings,
    auth::{session::SessionPolicy, throttle::ThrottlePolicy},
    db::DbSettings,
};
use std::{net::SocketAddr, path::PathBuf, time::Duration};

#[derive(Clone, Debug)]
pub struct Config {
    pub db: DbSettings,
    pub address: SocketAddr,
    pub site_root: PathBuf,
    /// Create the demo college in an empty database.
    pub demo: bool,
    /// With the demo college, also walk its sample projects through the
    /// process (on by default; tests that count projects turn it off).
    pub demo_projects: bool,
    /// The origin browsers reach ISFlow at (e.g. `https://isflow.example.edu`),
    /// when a proxy in front changes the host; otherwise the Host header.
    pub public_origin: Option<String>,
    /// Largest document upload accepted, in bytes.
    pub upload_limit: usize,
    pub settings: Settings,
}

#[derive(Debug, thiserror::Error)]
#[error("{variable}: {problem}")]
pub struct ConfigError {
    variable: &'static str,
    problem: String,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads every setting through `lookup`, so tests need not touch the
    /// process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let number =
            |variable: &'static str, default: u64, range: std::ops::RangeInclusive<u64>| {
                let value = match get(variable) {
                    None => default,
                    Some(text) => text.trim().parse().map_err(|_| ConfigError {
                        variable,
                        problem: format!("{text:?} is not a whole number"),
                    })?,
                };
                if range.contains(&value) {
                    Ok(value)
                } else {
                    let problem = format!("{value} is outside {}..={}", range.start(), range.end());
                    Err(ConfigError { variable, problem })
                }
            };
        let flag = |variable: &'static str, default: bool| -> Result<bool, ConfigError> {
            match get(variable).as_deref().map(str::trim) {
                None => Ok(default),
                Some("1" | "true" | "yes" | "on") => Ok(true),
                Some("0" | "false" | "no" | "off") => Ok(false),
                Some(other) => Err(ConfigError {
                    variable,
                    problem: format!("{other:?} is not a yes/no value"),
                }),
            }
        };

        let address_text = get("ISFLOW_ADDRESS").unwrap_or_else(|| "127.0.0.1:3000".into());
        let address = address_text.parse().map_err(|_| ConfigError {
            variable: "ISFLOW_ADDRESS",
            problem: format!("{address_text:?} is not an address such as 127.0.0.1:3000"),
        })?;

        const A_YEAR_IN_MINUTES: u64 = 525_600;
        let session = SessionPolicy {
            idle: minutes(number(
                "ISFLOW_SESSION_IDLE_MINUTES",
                120,
                0..=A_YEAR_IN_MINUTES,
            )?),
            absolute: minutes(60 * number("ISFLOW_SESSION_MAX_HOURS", 12, 1..=8_760)?),
        };
        let throttle = ThrottlePolicy {
            window: minutes(number(
                "ISFLOW_SIGN_IN_WINDOW_MINUTES",
                15,
                1..=A_YEAR_IN_MINUTES,
            )?),
            per_account: number("ISFLOW_SIGN_IN_FAILURES_PER_ACCOUNT", 5, 1..=1_000_000)? as u32,
            per_client: number("ISFLOW_SIGN_IN_FAILURES_PER_CLIENT", 20, 1..=1_000_000)? as u32,
        };

        Ok(Config {
            db: DbSettings {
                url: get("ISFLOW_DB").unwrap_or_else(|| "surrealkv://data/isflow".into()),
                user: get("ISFLOW_DB_USER"),
                password: get("ISFLOW_DB_PASSWORD"),
            },
            address,
            site_root: get("ISFLOW_SITE_ROOT")
                .unwrap_or_else(|| "target/site".into())
                .into(),
            demo: flag("ISFLOW_DEMO", false)?,
            demo_projects: flag("ISFLOW_DEMO_PROJECTS", true)?,
            public_origin: get("ISFLOW_PUBLIC_ORIGIN").map(|o| o.trim_end_matches('/').to_owned()),
            upload_limit: number("ISFLOW_UPLOAD_LIMIT_MB", 50, 1..=1024)? as usize * 1024 * 1024,
            settings: Settings {
                session,
                throttle,
                secure_cookies: flag("ISFLOW_SECURE_COOKIES", false)?,
                trust_forwarded_for: flag("ISFLOW_TRUST_FORWARDED_FOR", false)?,
            },
        })
    }
}

fn minutes(count: u64) -> Duration {
    Duration::from_secs(60 * count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_run_on_disk_on_localhost_without_demo_data() {
        let config = config(&[]).expect("defaults are valid");
        assert_eq!(config.db.url, "surrealkv://data/isflow");
        assert_eq!(config.address.to_string(), "127.0.0.1:3000");
        assert!(!config.demo && !config.settings.secure_cookies);
        assert_eq!(config.settings.session.idle, Duration::from_secs(7200));
    }

    #[test]
    fn variables_override_the_defaults() {
        let config = config(&[
            ("ISFLOW_DB", "mem://"),
            ("ISFLOW_DEMO", "1"),
            ("ISFLOW_SECURE_COOKIES", "true"),
            ("ISFLOW_SESSION_IDLE_MINUTES", "5"),
        ])
        .expect("valid overrides");
        assert_eq!(config.db.url, "mem://");
        assert!(config.demo && config.settings.secure_cookies);
        assert_eq!(config.settings.session.idle, Duration::from_secs(300));
    }

    #[test]
    fn bad_values_name_the_variable() {
        let error = config(&[("ISFLOW_DEMO", "maybe")]).expect_err("not a flag");
        assert!(error.to_string().starts_with("ISFLOW_DEMO"));
        let error = config(&[("ISFLOW_ADDRESS", "port 80")]).expect_err("not an address");
        assert!(error.to_string().starts_with("ISFLOW_ADDRESS"));
        let error = config(&[("ISFLOW_SIGN_IN_FAILURES_PER_ACCOUNT", "0")]).expect_err("locks all");
        assert!(
            error
                .to_string()
                .starts_with("ISFLOW_SIGN_IN_FAILURES_PER_ACCOUNT")
        );
        let error =
            config(&[("ISFLOW_SESSION_MAX_HOURS", "99999999999999")]).expect_err("overflow");
        assert!(error.to_string().starts_with("ISFLOW_SESSION_MAX_HOURS"));
    }
}
