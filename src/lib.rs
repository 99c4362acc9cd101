//! claimgraph: who claims what in news coverage.
//!
//! Articles go in (French first); entities, events and attributed claims come
//! out as graph nodes linked to the exact bytes of their source. Claims about
//! the same event are compared so that contradictions, agreements and updates
//! can be asked for, each with its reason.
//!
//! The stages, in the order data flows through them:
//! [`corpus`] (load, decode, metadata, cleaning) → [`extract`] (French
//! extraction) → [`store`] (SQLite, the source of truth) → graph and analysis →
//! query language → front ends ([`cli`]).

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod engine;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod guard;
pub mod ingest;
pub mod limits;
pub mod model;
pub mod query;
pub mod render;
pub mod repl;
pub mod session;
pub mod store;
pub mod synth;

pub use error::{Error, Result};
