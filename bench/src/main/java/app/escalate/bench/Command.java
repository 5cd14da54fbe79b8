package app.escalate.bench;

import java.util.function.IntFunction;

/** One sub-command under load, as the signed request numbered {@code i}. */
record Command(String name, IntFunction<SignedCommand> request) {
}
