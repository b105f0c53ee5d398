//! `isflow-bench run`: the whole measurement, as `make bench` runs it.
//! For each size: generate the college (in a process of its own, so the
//! database is closed when the server opens it), start the release
//! server, measure start-up, memory and first-load bytes, run the mixed
//! load and the back-to-back decisions, and stop. Then the raw database
//! baseline, and the report.

use crate::college::{self, Size, people};
use crate::first_load::{self, FirstLoad};
use crate::load::{self, BurstReport, MixedReport, Pace};
use crate::server::{Launch, Memory, Server};
use crate::{Failure, args::Options, report};
use rand::{SeedableRng, rngs::StdRng};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct Settings {
    pub server: PathBuf,
    pub site: PathBuf,
    pub out: PathBuf,
    pub factors: Vec<usize>,
    pub sessions: usize,
    pub pace: Pace,
    pub burst_seconds: u64,
    pub seed: u64,
    pub port: u16,
}

impl Settings {
    pub fn from(options: &Options) -> Result<Settings, Failure> {
        let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
        Ok(Settings {
            server: options
                .text_or("server", &format!("{target}/release/isflow"))
                .into(),
            site: options.text_or("site", "target/site").into(),
            out: options.text_or("out", "target/bench").into(),
            factors: options.numbers("factors", &[1, 10])?,
            sessions: options.number("sessions", 50)?,
            pace: Pace {
                seconds: options.number("seconds", 60)? as u64,
                think_ms: options.number("think-ms", 1000)? as u64,
            },
            burst_seconds: options.number("burst-seconds", 15)? as u64,
            seed: options.number("seed", 1)? as u64,
            port: options.number("port", 3190)? as u16,
        })
    }
}

/// Everything measured at one size.
#[derive(Clone, Debug, serde::Serialize)]
pub struct AtSize {
    pub factor: usize,
    pub counts: college::Counts,
    pub generate_seconds: f64,
    pub database_mib: f64,
    pub start_up_ms: f64,
    pub memory_at_start: Memory,
    pub memory_after_load: Memory,
    pub first_loads: Vec<FirstLoad>,
    pub mixed: MixedReport,
    pub burst: BurstReport,
}

pub async fn run(settings: &Settings) -> Result<(), Failure> {
    std::fs::create_dir_all(&settings.out)?;
    let work = settings.out.join("data");
    let mut sizes = Vec::new();
    for factor in &settings.factors {
        sizes.push(at_size(settings, &work, *factor).await?);
    }
    let writers = sizes.first().map_or(1, |s| s.burst.sessions.max(1));
    // A database of its own for each baseline: an embedded database closes
    // in the background after its last handle goes, keeping its lock a while.
    let (many, one) = (work.join("raw-many"), work.join("raw-one"));
    let _ = std::fs::remove_dir_all(&many);
    let _ = std::fs::remove_dir_all(&one);
    let raw = crate::raw::creates(&many, writers, settings.burst_seconds).await?;
    let single = crate::raw::creates(&one, 1, settings.burst_seconds).await?;

    let report = report::Report {
        machine: report::machine(),
        sessions: settings.sessions,
        pace: settings.pace,
        sizes,
        raw_creates: raw,
        raw_creates_one_writer: single,
    };
    let markdown = report::markdown(&report);
    std::fs::write(settings.out.join("report.md"), &markdown)?;
    let json = serde_json::to_string_pretty(&report).unwrap_or_default();
    std::fs::write(settings.out.join("report.json"), json)?;
    crate::say(&markdown);
    Ok(())
}

async fn at_size(settings: &Settings, work: &Path, factor: usize) -> Result<AtSize, Failure> {
    let size = Size::standard(factor);
    let folder = work.join(format!("college-x{factor}"));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder)?;
    let url = format!("surrealkv://{}", folder.join("db").display());

    tracing::info!(factor, projects = size.projects, "generating the college");
    let started = Instant::now();
    let counts = generate_in_child(&url, size, settings.seed, &settings.out).await?;
    let generate_seconds = started.elapsed().as_secs_f64();
    // The same seed gives the same people, so the load knows who to be.
    let college = people::College::new(size.users, &mut StdRng::seed_from_u64(settings.seed));

    let server = Server::start(Launch {
        binary: &settings.server,
        db_url: &url,
        site_root: &settings.site,
        port: settings.port,
        settings: &[],
        log: settings.out.join(format!("server-x{factor}.log")),
    })
    .await?;
    let memory_at_start = server.memory();
    tracing::info!(
        start_up_ms = server.start_up.as_millis() as u64,
        "server ready"
    );

    let cast = load::cast(&college, settings.sessions);
    let sessions = load::sign_in_all(&server.base, &cast, people::PASSWORD).await?;
    let first_loads = first_loads(&server.base, &sessions[0].user_name).await?;
    // Each candidate costs a project page read; twenty a session keep the
    // preparation short and still outlast the mixed run's decisions.
    let plans = load::prepare(&sessions, 20).await;
    tracing::info!(
        ready = plans.iter().map(Vec::len).sum::<usize>(),
        "decisions prepared"
    );
    let (mixed, sessions, plans) = load::mixed(sessions, &cast, plans, settings.pace).await;
    let burst = load::burst(sessions, plans, settings.burst_seconds).await;
    let memory_after_load = server.memory();
    let start_up_ms = server.start_up.as_secs_f64() * 1000.0;
    server.stop().await?;

    Ok(AtSize {
        factor,
        counts,
        generate_seconds,
        database_mib: folder_mib(&folder),
        start_up_ms,
        memory_at_start,
        memory_after_load,
        first_loads,
        mixed,
        burst,
    })
}

pub async fn generate_in_child(
    url: &str,
    size: Size,
    seed: u64,
    out: &Path,
) -> Result<college::Counts, Failure> {
    let counts_file = out.join("counts.json");
    let status = tokio::process::Command::new(std::env::current_exe()?)
        .args(["generate", "--db", url])
        .args(["--projects", &size.projects.to_string()])
        .args(["--users", &size.users.to_string()])
        .args(["--seed", &seed.to_string()])
        .args(["--counts", &counts_file.display().to_string()])
        .status()
        .await?;
    if !status.success() {
        return Err(Failure(format!("generating the college failed: {status}")));
    }
    let written = std::fs::read_to_string(&counts_file)?;
    serde_json::from_str(&written).map_err(|error| Failure(format!("reading the counts: {error}")))
}

/// The sign-in page as anyone sees it first, and the inbox as a signed-in
/// clerk does.
async fn first_loads(base: &str, user_name: &str) -> Result<Vec<FirstLoad>, Failure> {
    let anonymous = load::session::client()?;
    let sign_in = first_load::measure(&anonymous, base, "/sign-in").await?;
    let signed_in = load::session::client()?;
    let form = [("user_name", user_name), ("password", people::PASSWORD)];
    signed_in
        .post(format!("{base}/api/auth/sign_in"))
        .header(reqwest::header::ORIGIN, base)
        .form(&form)
        .send()
        .await
        .map_err(|error| Failure(format!("signing in for the first load: {error}")))?;
    let inbox = first_load::measure(&signed_in, base, "/inbox").await?;
    Ok(vec![sign_in, inbox])
}

fn folder_mib(folder: &Path) -> f64 {
    fn size(path: &Path) -> u64 {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => std::fs::read_dir(path)
                .map(|entries| entries.flatten().map(|e| size(&e.path())).sum())
                .unwrap_or(0),
            Ok(meta) => meta.len(),
            Err(_) => 0,
        }
    }
    size(folder) as f64 / (1024.0 * 1024.0)
}
