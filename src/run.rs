//! The pipeline every classifying command runs: load → analyse → row, in parallel, in input order.
//!
//! Workers take inputs in order from a shared iterator and hand each input's row to the calling
//! thread, which passes the rows on in input order. A worker may run at most [`WINDOW`] inputs
//! per worker ahead of the next row to pass on: memory stays bounded however large the corpus,
//! and a slow document holds back only that window, not a fixed batch. Once the stop flag is set
//! (Ctrl-C, in the binary) no new input is started, the rows already done are passed on up to the
//! first gap (whole rows only), and the summary says the run was interrupted.
use crate::document::Document;
use crate::input::{InputError, InputItem, LoadOptions};
use crate::rules::RuleSet;
use crate::Analysis;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

/// How many inputs per worker may be classified ahead of the next row to pass on.
pub const WINDOW: usize = 32;

/// What a run makes of each input.
pub trait Rows: Sync {
    /// One input's output.
    type Row: Send;
    /// The output for a loaded and analysed document.
    fn row(&self, doc: &Document, a: &Analysis) -> Self::Row;
    /// The output for an input that could not be loaded or classified.
    fn error(&self, item: &InputItem, e: &InputError) -> Self::Row;
}

/// Told on the calling thread each time an input's row has been passed on.
pub trait Progress: Sync {
    /// `docs` inputs holding `bytes` bytes are done.
    fn advance(&self, docs: usize, bytes: u64);
}

/// Counts for the closing summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Inputs whose rows were passed on.
    pub docs: usize,
    /// Of those, inputs that could not be loaded or classified.
    pub errors: usize,
    /// Their size in bytes.
    pub bytes: u64,
    /// Stopped before every input was passed on.
    pub interrupted: bool,
    /// Inputs in the run: `docs` when it ran to the end; when interrupted, those passed on, those
    /// taken but not passed on, and those never taken, counted after the stop.
    pub total: usize,
}

/// One input's output, with what the summary counts.
#[derive(Debug)]
pub struct Done<T> {
    /// The output.
    pub row: T,
    /// The input could not be loaded or classified.
    pub error: bool,
    /// The input's size in bytes.
    pub bytes: u64,
}

/// One classifying run: the rules, how inputs load, what each becomes, and when to stop.
pub struct Runner<'a, R: Rows> {
    /// The compiled rules.
    pub rules: &'a RuleSet,
    /// How inputs are loaded.
    pub opts: &'a LoadOptions,
    /// What each input becomes.
    pub rows: &'a R,
    /// When set, no new input is started. The runner sets it too when the sink fails.
    pub stop: &'a AtomicBool,
    /// Told as rows are passed on.
    pub progress: Option<&'a dyn Progress>,
}

impl<R: Rows> Runner<'_, R> {
    /// Analyse a loaded document and make its output, on this thread.
    pub fn document(&self, doc: &Document) -> R::Row {
        self.rows.row(doc, &crate::analyse_document(self.rules, doc))
    }

    /// Load, analyse and make the output of one input, on this thread. A panic while
    /// classifying (a bug) becomes that input's error, so one bad document cannot take down a
    /// run of thousands.
    pub fn one(&self, item: &InputItem) -> Done<R::Row> {
        let bytes = item.len_hint();
        match item.load(self.opts).and_then(|doc| crate::input::guard::guarded("classifier", || Ok(self.document(&doc)))) {
            Ok(row) => Done { row, error: false, bytes },
            Err(e) => Done { row: self.rows.error(item, &e), error: true, bytes },
        }
    }

    /// Run every input on `jobs` worker threads (0: one per core) and hand each output to `sink`
    /// on this thread, in input order. A failing sink stops the run with its error.
    pub fn run<I, F>(&self, jobs: usize, inputs: I, sink: F) -> anyhow::Result<Summary>
    where
        I: Iterator<Item = InputItem> + Send,
        F: FnMut(R::Row) -> anyhow::Result<()>,
    {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
        let workers = pool.current_num_threads().max(1);
        let shared = Shared {
            inputs: Mutex::new(Inputs { iter: inputs, taken: 0 }),
            queue: Mutex::new(Queue { written: 0, done: VecDeque::new(), workers, total: None }),
            ready: Condvar::new(),
            room: Condvar::new(),
            window: WINDOW * workers,
        };
        let result = pool.in_place_scope(|s| {
            for _ in 0..workers {
                s.spawn(|_| {
                    self.work(&shared);
                    shared.queue.lock().expect("queue").workers -= 1;
                    shared.ready.notify_all();
                });
            }
            let result = self.drain(&shared, sink);
            if result.is_err() {
                // The sink failed (a closed pipe, a full disk): stop the workers.
                self.stop.store(true, Ordering::SeqCst);
                shared.room.notify_all();
            }
            result
        });
        let mut summary = result?;
        summary.total = summary.docs;
        if summary.interrupted {
            let inputs = shared.inputs.into_inner().expect("inputs");
            summary.total = inputs.taken + inputs.iter.count();
        }
        Ok(summary)
    }

    /// A worker: take the next input, classify it, queue its output; stop when none is left.
    fn work<I: Iterator<Item = InputItem>>(&self, shared: &Shared<I, R::Row>) {
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return;
            }
            let Some((i, item)) = shared.take() else { return };
            if !shared.wait_for_room(i, self.stop) {
                return;
            }
            shared.put(i, self.one(&item));
        }
    }

    /// The calling thread: outputs in input order as they become ready, then the summary counts.
    fn drain<I, F>(&self, shared: &Shared<I, R::Row>, mut sink: F) -> anyhow::Result<Summary>
    where
        F: FnMut(R::Row) -> anyhow::Result<()>,
    {
        let mut s = Summary::default();
        while let Some(d) = shared.next() {
            s.docs += 1;
            s.errors += d.error as usize;
            s.bytes += d.bytes;
            sink(d.row)?;
            if let Some(p) = self.progress {
                p.advance(s.docs, s.bytes);
            }
        }
        s.interrupted = shared.queue.lock().expect("queue").total != Some(s.docs);
        Ok(s)
    }
}

/// The inputs still to take, and how many were taken.
struct Inputs<I> {
    iter: I,
    taken: usize,
}

/// Outputs done but not yet passed on, by input index from `written`.
struct Queue<T> {
    written: usize,
    done: VecDeque<Option<Done<T>>>,
    /// Workers still running.
    workers: usize,
    /// How many inputs there are, once the last has been taken.
    total: Option<usize>,
}

/// What the workers and the calling thread of one run share.
struct Shared<I, T> {
    inputs: Mutex<Inputs<I>>,
    queue: Mutex<Queue<T>>,
    /// Signalled when the next output to pass on may be ready, or a worker finished.
    ready: Condvar,
    /// Signalled when an output was passed on, so the window moved.
    room: Condvar,
    window: usize,
}

impl<I: Iterator<Item = InputItem>, T> Shared<I, T> {
    /// The next input and its index; `None` (and the total recorded) once there are no more.
    fn take(&self) -> Option<(usize, InputItem)> {
        let mut inputs = self.inputs.lock().expect("inputs");
        match inputs.iter.next() {
            Some(item) => {
                inputs.taken += 1;
                Some((inputs.taken - 1, item))
            }
            None => {
                self.queue.lock().expect("queue").total = Some(inputs.taken);
                self.ready.notify_all();
                None
            }
        }
    }
}

impl<I, T> Shared<I, T> {
    /// Wait until input `i` is within the window of the next output to pass on; `false` when
    /// the run stopped meanwhile.
    fn wait_for_room(&self, i: usize, stop: &AtomicBool) -> bool {
        let mut q = self.queue.lock().expect("queue");
        while i >= q.written + self.window {
            if stop.load(Ordering::SeqCst) {
                return false;
            }
            q = self.room.wait(q).expect("queue");
        }
        true
    }

    /// Queue input `i`'s output.
    fn put(&self, i: usize, done: Done<T>) {
        let mut q = self.queue.lock().expect("queue");
        let k = i - q.written;
        if q.done.len() <= k {
            q.done.resize_with(k + 1, || None);
        }
        q.done[k] = Some(done);
        if k == 0 {
            self.ready.notify_all();
        }
    }

    /// The next output in input order, waiting for it; `None` once every input is passed on or
    /// the workers stopped.
    fn next(&self) -> Option<Done<T>> {
        let mut q = self.queue.lock().expect("queue");
        loop {
            if let Some(d) = q.done.front_mut().and_then(Option::take) {
                q.done.pop_front();
                q.written += 1;
                self.room.notify_all();
                return Some(d);
            }
            if q.total == Some(q.written) || q.workers == 0 {
                return None;
            }
            q = self.ready.wait(q).expect("queue");
        }
    }
}
