//! The `isflow` server as a child process: started on a database, timed
//! until it answers, measured while it runs, and stopped (or killed).

use crate::Failure;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

pub struct Server {
    child: Child,
    pub base: String,
    /// From spawning the process to its first answer on `/health`.
    pub start_up: Duration,
}

pub struct Launch<'a> {
    pub binary: &'a Path,
    pub db_url: &'a str,
    pub site_root: &'a Path,
    pub port: u16,
    /// Extra `ISFLOW_*` settings.
    pub settings: &'a [(&'a str, &'a str)],
    /// Where the server's log goes.
    pub log: PathBuf,
}

impl Server {
    pub async fn start(launch: Launch<'_>) -> Result<Server, Failure> {
        let log = std::fs::File::create(&launch.log)?;
        let started = Instant::now();
        let mut command = Command::new(launch.binary);
        command
            .arg("serve")
            .env("ISFLOW_DB", launch.db_url)
            .env("ISFLOW_ADDRESS", format!("127.0.0.1:{}", launch.port))
            .env("ISFLOW_SITE_ROOT", launch.site_root)
            .env("ISFLOW_DEMO", "0")
            // Every session of the load comes from this one address, where
            // a college's users come from many.
            .env("ISFLOW_SIGN_IN_FAILURES_PER_CLIENT", "100000")
            .env("RUST_LOG", "warn,app=warn,server=info")
            .stdout(log.try_clone()?)
            .stderr(log)
            .kill_on_drop(true);
        for (name, value) in launch.settings {
            command.env(name, value);
        }
        let child = command.spawn()?;
        let base = format!("http://127.0.0.1:{}", launch.port);
        let mut server = Server {
            child,
            base,
            start_up: Duration::ZERO,
        };
        server.wait_until_ready(started).await?;
        Ok(server)
    }

    async fn wait_until_ready(&mut self, started: Instant) -> Result<(), Failure> {
        let client = reqwest::Client::new();
        let health = format!("{}/health", self.base);
        while started.elapsed() < Duration::from_secs(120) {
            if let Some(status) = self.child.try_wait()? {
                return Err(Failure(format!("the server exited at start-up: {status}")));
            }
            let answered = client
                .get(&health)
                .timeout(Duration::from_millis(500))
                .send()
                .await;
            if answered.is_ok_and(|r| r.status().is_success()) {
                self.start_up = started.elapsed();
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        Err(Failure(
            "the server did not answer within two minutes".into(),
        ))
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Resident memory now and at its peak, in MiB, from `/proc`.
    pub fn memory(&self) -> Memory {
        let status = self
            .pid()
            .and_then(|pid| std::fs::read_to_string(format!("/proc/{pid}/status")).ok())
            .unwrap_or_default();
        let field = |name: &str| -> f64 {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|kb| kb.parse::<f64>().ok())
                .map_or(0.0, |kb| kb / 1024.0)
        };
        Memory {
            resident_mib: field("VmRSS:"),
            peak_mib: field("VmHWM:"),
        }
    }

    /// SIGKILL: no shutdown, no flush, as a power cut or the OOM killer.
    pub async fn kill(mut self) -> Result<(), Failure> {
        self.child.start_kill()?;
        self.child.wait().await?;
        Ok(())
    }

    /// SIGINT, which the server answers by finishing and closing the
    /// database cleanly.
    pub async fn stop(mut self) -> Result<(), Failure> {
        if let Some(pid) = self.pid() {
            let _ = Command::new("kill")
                .arg("-INT")
                .arg(pid.to_string())
                .status()
                .await;
        }
        let waited = tokio::time::timeout(Duration::from_secs(30), self.child.wait()).await;
        if waited.is_err() {
            self.child.start_kill()?;
            self.child.wait().await?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct Memory {
    pub resident_mib: f64,
    pub peak_mib: f64,
}
