//! `isflow-bench`: measures ISFlow against its budgets and proves it
//! survives crashes. See `isflow-bench help`.

mod args;
mod college;
mod crash;
mod first_load;
mod load;
mod raw;
mod report;
mod run;
mod server;

use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// Why a measurement could not be made. The tool reports it and stops;
/// a benchmark that cannot run must not print numbers.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Failure(pub String);

impl From<surrealdb::Error> for Failure {
    fn from(error: surrealdb::Error) -> Self {
        Failure(format!("database: {error}"))
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure(format!("i/o: {error}"))
    }
}

const USAGE: &str = "usage:
  isflow-bench generate --db URL [--projects N] [--users N] [--seed N] [--counts FILE]
      write a synthetic college into an empty database
  isflow-bench run [--server BIN] [--site DIR] [--out DIR] [--factors 1,10]
                   [--sessions 50] [--seconds 60] [--think-ms 1000] [--burst-seconds 15]
      the whole benchmark: every size, the load, the raw baseline, the report
  isflow-bench crash [--server BIN] [--rounds 20] [--projects 10000] [--sessions 24]
      kill the server with SIGKILL under load, round after round, and check the data
  isflow-bench query --db URL --sql TEXT [--repeat N]
      time a query against a database, for finding out where time goes";

fn main() -> ExitCode {
    // The log goes to standard error; standard output carries only what
    // the tool reports, which the crash test reads from its checker.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,surrealdb=warn,surrealkv=warn")),
        )
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!(%error, "could not start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match runtime.block_on(run(&argv)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            tracing::error!("{failure}");
            ExitCode::FAILURE
        }
    }
}

async fn run(argv: &[String]) -> Result<(), Failure> {
    let (command, options) = args::split(argv)?;
    match command.as_str() {
        "generate" => generate(&options).await,
        "run" => run::run(&run::Settings::from(&options)?).await,
        "query" => query(&options).await,
        "crash" => crash::run(&crash::Settings::from(&options)?).await,
        "crash-check" => crash_check(&options).await,
        "help" | "--help" | "-h" => Err(Failure(USAGE.into())),
        other => Err(Failure(format!("unknown command {other:?}\n{USAGE}"))),
    }
}

async fn generate(options: &args::Options) -> Result<(), Failure> {
    let url = options.text("db")?;
    let size = college::Size {
        projects: options.number("projects", 10_000)?,
        users: options.number("users", 2_000)?,
    };
    let seed = options.number("seed", 1)? as u64;
    let db = open(&url).await?;
    let counts = college::generate(&db, size, seed).await?;
    // Closed properly, the college lies in the database's tables rather
    // than in a log the server would have to replay at its start.
    drop(db);
    if !app::backend::db::wait_until_closed(&settings(&url), std::time::Duration::from_secs(300))
        .await
    {
        return Err(Failure(
            "the database did not close after generating".into(),
        ));
    }
    if let Ok(file) = options.text("counts") {
        let counts = serde_json::to_string(&counts).unwrap_or_default();
        std::fs::write(file, counts)?;
    }
    Ok(())
}

async fn query(options: &args::Options) -> Result<(), Failure> {
    let db = open(&options.text("db")?).await?;
    let sql = options.text("sql")?;
    let repeat = options.number("repeat", 5)?;
    let mut times = Vec::new();
    let mut shown = String::new();
    for _ in 0..repeat.max(1) {
        let started = std::time::Instant::now();
        let mut response = db.query(sql.as_str()).await?;
        let last = response.num_statements().saturating_sub(1);
        let value: surrealdb::types::Value = response.take(last)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        shown = format!("{:?}", value.into_json_value());
    }
    times.sort_by(f64::total_cmp);
    let limit = shown
        .char_indices()
        .nth(3000)
        .map_or(shown.len(), |(i, _)| i);
    say(&format!(
        "{}\nmin {:.2} ms, median {:.2} ms",
        &shown[..limit],
        times[0],
        times[times.len() / 2]
    ));
    Ok(())
}

async fn crash_check(options: &args::Options) -> Result<(), Failure> {
    let db = open(&options.text("db")?).await?;
    let file = options.text("acknowledged")?;
    let acknowledged: Vec<crash::Acknowledged> =
        serde_json::from_str(&std::fs::read_to_string(file)?)
            .map_err(|error| Failure(format!("reading the acknowledged decisions: {error}")))?;
    let events = crash::check(&db, &acknowledged).await?;
    say(&events.to_string());
    Ok(())
}

fn settings(url: &str) -> app::backend::db::DbSettings {
    app::backend::db::DbSettings {
        url: url.to_owned(),
        user: None,
        password: None,
    }
}

/// What the tool reports goes to standard output, apart from the log.
pub fn say(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

/// Opens a database the way the server does: same durability, schema
/// brought up to date.
pub async fn open(url: &str) -> Result<app::backend::db::Db, Failure> {
    app::backend::db::open(&settings(url))
        .await
        .map_err(|error| Failure(error.to_string()))
}
