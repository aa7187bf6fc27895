//! The bodies the page streams to the worker chunk by chunk as they
//! download (`opeka.js`, or the Leptos component, posts each chunk as
//! `crates/widgets/js/loader.js` reads it), so that a
//! big body is already in the worker's module when the widget asks for it:
//! the page's main thread does not copy it whole to the worker (a
//! structured clone of 15 MB, one task of 30 ms and more), and the worker
//! does not copy it into its memory after it arrives.
//!
//! Bounded: a body is streamed to the worker before anyone knows whether a
//! widget will ask for it (a body cut at the size limit, a widget with
//! `worker="off"` beside one without), so a new body lets go of those
//! already used and keeps at most [`KEPT_UNUSED`] others. A body asked for
//! after it was let go is posted whole by the page instead.
//!
//! Each body's records are read as its chunks come
//! (`opeka_feed::validate::StreamedCaseload`), so that what is left to do
//! once it is whole is the envelope, the checks across records and the
//! reduction.

use opeka_feed::validate::StreamedCaseload;

/// How many bodies not yet asked for are kept while another streams in.
const KEPT_UNUSED: usize = 2;

/// At most this much room is kept ahead for a body (the size limit's
/// ceiling, 64 MiB): a `Content-Length` is the server's word.
const MAX_ROOM: usize = 64 << 20;

/// A body as streamed so far.
struct StreamedBody {
    id: u32,
    bytes: Vec<u8>,
    /// Its records read so far; taken by the first ask.
    read: Option<StreamedCaseload>,
    /// Whether a widget asked for it (a refresh's next body replaces it).
    used: bool,
}

/// The bodies streamed to this worker, oldest first.
#[derive(Default)]
pub(crate) struct StreamedBodies {
    bodies: Vec<StreamedBody>,
}

impl StreamedBodies {
    /// `len` more bytes at the end of body `id`, zeroed, for the page to
    /// write its next chunk into (no copy of the chunk is made to be freed
    /// after, leaving its hole beside the body); its first chunk starts the
    /// body, with room for `size` bytes, and lets go of older bodies (see
    /// the module's doc). [`Self::written`] reads what was written.
    pub(crate) fn room(&mut self, id: u32, len: usize, size: usize) -> &mut [u8] {
        let at = match self.bodies.iter().position(|body| body.id == id) {
            Some(at) => at,
            None => {
                self.bodies.retain(|body| !body.used);
                if let Some(excess) = (self.bodies.len() + 1).checked_sub(KEPT_UNUSED) {
                    self.bodies.drain(..excess);
                }
                let room = size.max(len).min(MAX_ROOM);
                let (bytes, read) = (Vec::with_capacity(room), Some(StreamedCaseload::with_room(room)));
                self.bodies.push(StreamedBody { id, bytes, read, used: false });
                self.bodies.len() - 1
            }
        };
        let bytes = &mut self.bodies[at].bytes;
        let from = bytes.len();
        bytes.resize(from + len, 0);
        &mut bytes[from..]
    }

    /// Reads the records of body `id` that its bytes now hold whole.
    pub(crate) fn written(&mut self, id: u32) {
        let Some(body) = self.bodies.iter_mut().find(|body| body.id == id) else { return };
        if let Some(read) = &mut body.read {
            read.read(&body.bytes);
        }
    }

    /// Body `id`'s bytes, marked as used when a widget asks (`ask`), with
    /// its records read so far (for the first taker; a later one reads
    /// them again); `None` if there is no such body.
    pub(crate) fn take(&mut self, id: u32, ask: bool) -> Option<(&[u8], StreamedCaseload)> {
        let body = self.bodies.iter_mut().find(|body| body.id == id)?;
        body.used |= ask;
        Some((&body.bytes, body.read.take().unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(taken: Option<(&[u8], StreamedCaseload)>) -> Option<&[u8]> {
        taken.map(|(bytes, _)| bytes)
    }

    /// As the page streams a chunk: written into its room, then read.
    fn push(bodies: &mut StreamedBodies, id: u32, chunk: &[u8], size: usize) {
        bodies.room(id, chunk.len(), size).copy_from_slice(chunk);
        bodies.written(id);
    }

    fn ids(bodies: &StreamedBodies) -> Vec<u32> {
        bodies.bodies.iter().map(|body| body.id).collect()
    }

    #[test]
    fn chunks_join_in_order_and_a_body_serves_every_ask() {
        let mut bodies = StreamedBodies::default();
        push(&mut bodies, 1, b"{\"opeka\"", 20);
        push(&mut bodies, 1, b":1}", 20);
        assert_eq!(bytes(bodies.take(1, true)), Some(&b"{\"opeka\":1}"[..]));
        // Another widget's view of the same body.
        assert_eq!(bytes(bodies.take(1, true)), Some(&b"{\"opeka\":1}"[..]));
        assert_eq!(bytes(bodies.take(2, true)), None);
    }

    #[test]
    fn a_body_longer_than_announced_still_joins() {
        // A compressed body's Content-Length is its compressed size.
        let mut bodies = StreamedBodies::default();
        push(&mut bodies, 1, b"{\"opeka\"", 3);
        push(&mut bodies, 1, b":1}", 3);
        assert_eq!(bytes(bodies.take(1, true)), Some(&b"{\"opeka\":1}"[..]));
    }

    #[test]
    fn a_new_body_lets_go_of_used_ones_and_keeps_few_unused() {
        let mut bodies = StreamedBodies::default();
        push(&mut bodies, 1, b"a", 1);
        assert!(bodies.take(1, true).is_some());
        // A refresh: the used body goes as the next one starts.
        push(&mut bodies, 2, b"b", 1);
        assert_eq!(ids(&bodies), [2]);
        // Bodies nobody asks for (cut at the limit, worker="off"): the oldest go.
        push(&mut bodies, 3, b"c", 1);
        push(&mut bodies, 4, b"d", 1);
        assert_eq!(ids(&bodies), [3, 4]);
        assert_eq!(bytes(bodies.take(2, true)), None);
        assert_eq!(bytes(bodies.take(4, true)), Some(&b"d"[..]));
    }

    #[test]
    fn a_body_taken_before_any_ask_stays_unused() {
        let mut bodies = StreamedBodies::default();
        push(&mut bodies, 1, b"a", 1);
        // Its answer found ahead: a second body does not let it go before its ask.
        assert!(bodies.take(1, false).is_some());
        push(&mut bodies, 2, b"b", 1);
        assert_eq!(ids(&bodies), [1, 2]);
        assert_eq!(bytes(bodies.take(1, true)), Some(&b"a"[..]));
    }

    #[test]
    fn room_ahead_is_bounded() {
        let mut bodies = StreamedBodies::default();
        push(&mut bodies, 1, b"x", usize::MAX);
        assert!(bodies.bodies[0].bytes.capacity() <= MAX_ROOM);
    }
}
