"""The `plancli` command and `python -m plancli`.

`plancli --version` is answered here, before Typer, Rich or Pydantic are imported: scripts ask
it often, and it then costs the interpreter's start-up alone (issue 5: ≤ 0.7× the import floor).
The interface's language is chosen here too, before the commands are declared (their help is
read then).
"""

import gc
import sys


def main() -> None:
    from plancli.stopping import on_terminate, stop_code

    on_terminate()  # SIGTERM (`timeout`, systemd): Ctrl-C's way out, exit 143 (stopping.py)
    try:
        _main()
    except KeyboardInterrupt as stop:  # Ctrl-C while plancli loads (a run maps its own)
        _say_interrupted(stop)
        sys.exit(stop_code(stop))


def _say_interrupted(stop: KeyboardInterrupt) -> None:
    """`error: interrupted` (or `terminated`), in the interface's language if it was chosen yet."""
    from plancli.stopping import stop_word

    word = stop_word(stop)
    try:
        from plancli.i18n import _

        words = {"interrupted": _("interrupted"), "terminated": _("terminated")}
        line = _("error: {message}").format(message=words[word])
    except BaseException:  # the catalog itself was being loaded
        line = f"error: {word}"
    import contextlib

    with contextlib.suppress(OSError, AttributeError):  # stderr full or closed: the exit says it
        sys.stderr.write(line + "\n")


def _main() -> None:
    # A plancli process lives a second or two and builds large acyclic structures (120,000
    # records, 10,000 assessments) that the cyclic collector re-scans for nothing: turning it
    # off took `gap --json` at 10,000 targets from 2.4-2.7 s to 1.8-1.9 s, peak memory unchanged
    # (181 MB both ways). Off before the imports too, which allocate much and free little.
    gc.disable()
    if sys.argv[1:] == ["--version"]:
        _version()
        return
    # The language before the CLI is imported: Typer reads the help texts when the commands
    # are declared. `--lang zh` anywhere on the line, else the locale (LANG=zh_CN.UTF-8).
    from plancli.i18n import choose_language, set_language

    set_language(choose_language(sys.argv[1:]))
    from plancli.cli import main as run
    from plancli.cli.assess_cmds import LEAVING

    LEAVING.allowed = True  # the program, not a test's runner: it may leave without freeing
    try:
        run()
    except SystemExit as done:
        if LEAVING.wanted and (done.code is None or type(done.code) is int):
            _leave(done.code or 0)
        raise
    finally:
        # The interpreter still runs the collector once at exit, over every object, all of
        # them young since it never ran: frozen objects are skipped. 40 ms of a first status
        # (396 → 355 ms) and 19 ms of a cached one (168 → 149 ms), measured side by side.
        gc.freeze()


def _version() -> None:
    """`plancli --version` on stdout. A reader that closed the pipe (`| head -c0`) is no error,
    as for any command; a full disk (`>/dev/full`) or a closed stdout (`>&-`) is exit 74 and
    one line, as for any command (session 42: a traceback and exit 1, `gap --fail-on`'s)."""
    import errno

    from plancli import __version__

    try:
        if sys.stdout is None:  # started with stdout closed
            raise OSError(errno.EBADF, "stdout is closed")
        sys.stdout.write(f"plancli {__version__}\n")
        sys.stdout.flush()  # the error here, not at the interpreter's exit
    except BrokenPipeError:
        _drop_stdout()
    except OSError as exc:
        _drop_stdout()
        from plancli.errors import OutputError
        from plancli.i18n import _, choose_language, set_language

        set_language(choose_language([]))
        if exc.errno == errno.EBADF:  # in the interface's words, as every command says it
            exc = OSError(exc.errno, _("stdout is closed"))
        line = _("error: {message}").format(message=OutputError(exc))
        import contextlib

        with contextlib.suppress(OSError, AttributeError):  # stderr lost too: the code says it
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
        sys.exit(OutputError.exit_code)


def _drop_stdout() -> None:
    """Descriptor 1 on /dev/null: what stdout still holds is dropped, and the interpreter's
    final flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _leave(code: int) -> None:
    """The process ended at once, its objects not freed (`cli.assess_cmds.leave_without_freeing`):
    once stdout and stderr are flushed, and the `atexit` handlers have run, as at a normal
    exit. A flush that fails returns: the interpreter then exits as it always does."""
    import atexit
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # a closed pipe, a full disk: the normal exit says what it says
        return
    atexit._run_exitfuncs()  # run once: the interpreter would have run them next
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        return
    os._exit(code)


if __name__ == "__main__":
    main()
