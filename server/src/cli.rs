//! The commands of the `isflow` binary.

use crate::config::Config;
use app::api::NewUser;
use app::backend::{audit, audit::By, backup, db, demo, users};
use app::domain::Role;
use std::io::IsTerminal;
use std::path::Path;

const USAGE: &str = "usage:
  isflow [serve]                         serve ISFlow (configured by ISFLOW_* variables)
  isflow create-admin USER_NAME [NAME]   create an administrator; the password is read
                                         from ISFLOW_ADMIN_PASSWORD or asked for
  isflow verify-audit                    check the audit trail's hash chain and report
                                         the first broken link
  isflow backup FILE                     write the whole database to FILE (SurrealQL)
  isflow restore FILE                    restore FILE into an empty database, then
                                         check its audit trail";

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}\n{USAGE}")]
    Usage(String),
    #[error("configuration: {0}")]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Database(Box<db::OpenError>),
    #[error(transparent)]
    Start(Box<crate::StartError>),
    #[error("{0}")]
    Failed(String),
}

// Boxed: database errors are large, and most commands never see one.
impl From<db::OpenError> for CliError {
    fn from(error: db::OpenError) -> Self {
        CliError::Database(Box::new(error))
    }
}

impl From<crate::StartError> for CliError {
    fn from(error: crate::StartError) -> Self {
        CliError::Start(Box::new(error))
    }
}

pub async fn run(args: &[String]) -> Result<(), CliError> {
    let config = Config::from_env()?;
    match args.first().map(String::as_str) {
        None | Some("serve") => serve(&config).await,
        Some("create-admin") => create_admin(&config, &args[1..]).await,
        Some("verify-audit") => verify_audit(&config).await,
        Some("backup") => backup(&config, &args[1..]).await,
        Some("restore") => restore(&config, &args[1..]).await,
        Some("help" | "--help" | "-h") => Err(CliError::Usage(String::new())),
        Some(other) => Err(CliError::Usage(format!("unknown command {other:?}"))),
    }
}

async fn serve(config: &Config) -> Result<(), CliError> {
    tracing::info!(
        address = %config.address,
        database = %config.db.url,
        site_root = %config.site_root.display(),
        demo = config.demo,
        secure_cookies = config.settings.secure_cookies,
        "starting ISFlow"
    );
    let started = std::time::Instant::now();
    let (router, state) = crate::build(config).await?;
    let listener = tokio::net::TcpListener::bind(config.address)
        .await
        .map_err(|e| CliError::Failed(format!("cannot listen on {}: {e}", config.address)))?;

    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "ISFlow is ready at http://{}",
        config.address
    );
    if config.demo {
        let names: Vec<&str> = demo::USERS.iter().map(|(name, ..)| *name).collect();
        tracing::info!(
            password = demo::DEMO_PASSWORD,
            "demo college: sign in as any of {}",
            names.join(", ")
        );
    }

    let live = state.live.clone();
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, service)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            live.close();
        })
        .await
        .map_err(|e| CliError::Failed(format!("server stopped: {e}")));

    // The database closes once its last handle is gone; waiting for it
    // lets it put away what it holds in memory, so the next start need
    // not replay it.
    drop(state);
    if !db::wait_until_closed(&config.db, std::time::Duration::from_secs(60)).await {
        tracing::warn!("the database did not close in time; the next start will recover it");
    }
    tracing::info!("stopped");
    served
}

/// Ctrl-C at a terminal, or SIGTERM from a service manager.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}

async fn create_admin(config: &Config, args: &[String]) -> Result<(), CliError> {
    let user_name = args
        .first()
        .ok_or_else(|| CliError::Usage("create-admin needs a user name".into()))?;
    let display_name = args.get(1).cloned().unwrap_or_else(|| user_name.clone());
    let password = admin_password()?;

    let form = NewUser {
        user_name: user_name.clone(),
        display_name,
        department: String::new(),
        roles: vec![Role::Admin.id().to_owned()],
        password: password.clone(),
    };
    let valid = form
        .validate()
        .map_err(|problem| CliError::Failed(format!("refused: {problem:?}")))?;
    let db = db::open(&config.db).await?;
    let id = users::create(&db, By::System("isflow create-admin"), &valid, password)
        .await
        .map_err(|error| {
            CliError::Failed(format!("could not create the administrator: {error}"))
        })?;
    tracing::info!(user = %id, user_name = %valid.user_name, "administrator created");
    Ok(())
}

fn admin_password() -> Result<String, CliError> {
    if let Ok(password) = std::env::var("ISFLOW_ADMIN_PASSWORD") {
        return Ok(password);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Failed(
            "no terminal to ask for the password: set ISFLOW_ADMIN_PASSWORD".into(),
        ));
    }
    let first =
        rpassword::prompt_password("password: ").map_err(|e| CliError::Failed(e.to_string()))?;
    let second =
        rpassword::prompt_password("again: ").map_err(|e| CliError::Failed(e.to_string()))?;
    if first != second {
        return Err(CliError::Failed("the two passwords differ".into()));
    }
    Ok(first)
}

async fn verify_audit(config: &Config) -> Result<(), CliError> {
    let db = db::open(&config.db).await?;
    let report = audit::verify(&db)
        .await
        .map_err(|error| CliError::Failed(format!("could not read the audit trail: {error}")))?;
    match report.first_break {
        None => {
            tracing::info!(
                events = report.events,
                "audit trail verified: every link holds"
            );
            Ok(())
        }
        Some(found) => Err(CliError::Failed(format!(
            "audit trail broken after {} intact events: {found:?}",
            report.events
        ))),
    }
}

fn file_argument<'a>(args: &'a [String], command: &str) -> Result<&'a Path, CliError> {
    args.first()
        .map(Path::new)
        .ok_or_else(|| CliError::Usage(format!("{command} needs a file name")))
}

async fn backup(config: &Config, args: &[String]) -> Result<(), CliError> {
    let file = file_argument(args, "backup")?;
    let db = db::open(&config.db).await?;
    let counts = backup::export(&db, file)
        .await
        .map_err(|error| CliError::Failed(error.to_string()))?;
    let records: u64 = counts.values().sum();
    tracing::info!(file = %file.display(), tables = counts.len(), records, "backup written");
    Ok(())
}

async fn restore(config: &Config, args: &[String]) -> Result<(), CliError> {
    let file = file_argument(args, "restore")?;
    if !file.is_file() {
        return Err(CliError::Failed(format!(
            "no backup file at {}",
            file.display()
        )));
    }
    let db = db::connect(&config.db).await?;
    let counts = backup::restore(&db, file)
        .await
        .map_err(|error| CliError::Failed(error.to_string()))?;
    let records: u64 = counts.values().sum();
    tracing::info!(file = %file.display(), tables = counts.len(), records, "backup restored");
    Ok(())
}
