//! The validator: untrusted bytes in, a [`crate::ValidFeed`] or every problem with its path out.
