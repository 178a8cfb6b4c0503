//! Stage 2: the model.
//!
//! [`decl`] holds TypeScript declarations as written; [`build`] resolves names, gives every
//! anonymous type a name from its place, shares identical literal unions and applies the config,
//! producing the Rust-shaped [`rust`] model that the emit stage prints. Nothing here knows about
//! swc, `quote` or `syn`.

pub mod build;
pub mod decl;
mod eval;
pub mod features;
mod generics;
mod globs;
pub mod jsdoc;
mod lag;
mod members;
pub mod naming;
mod newtypes;
mod once;
mod recursion;
mod resolve;
pub mod rust;
mod share;
mod types;
mod variants;
