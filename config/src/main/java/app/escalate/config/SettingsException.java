package app.escalate.config;

/** A setting or policy value the bot cannot start with; the message is one line for the operator. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
