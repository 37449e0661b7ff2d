//! Reading inputs of every format into [`crate::document::Document`]s (stub).
