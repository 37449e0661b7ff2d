//! Turning panics (in third-party parsers, or a bug of ours) into error rows, silently.

use super::InputError;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<usize> = const { Cell::new(0) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Run `f`, turning a panic into an [`InputError`].
///
/// PDF and archive parsers panic on malformed input. `catch_unwind` alone would
/// still let the default hook print to stderr, and the library never prints,
/// so a hook is chained once that stays silent on threads inside `guarded` and
/// defers to the previous hook everywhere else.
pub(crate) fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T, InputError>) -> Result<T, InputError> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) > 0 {
                let msg = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
            } else {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(q.get() + 1));
    // Unwind safety: on panic nothing of `f`'s state is used again.
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(q.get() - 1));
    result.unwrap_or_else(|_| {
        let msg = LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default();
        Err(InputError::new(format!("{what} crashed: {msg}")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_becomes_error_with_message() {
        let r: Result<(), _> = guarded("pdf parser", || panic!("bad xref at {}", 42));
        assert_eq!(r.unwrap_err().reason, "pdf parser crashed: bad xref at 42");
        // Nested guards and later successes are unaffected.
        let ok = guarded("outer", || guarded("inner", || Ok(1)));
        assert_eq!(ok.unwrap(), 1);
    }
}
