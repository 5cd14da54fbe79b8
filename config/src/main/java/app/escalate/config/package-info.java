/**
 * Typed settings, checked once at start-up: {@link app.escalate.config.BotSettings} from the
 * environment and {@link app.escalate.config.Policy} from the YAML policy file. A bad value
 * fails with a {@link app.escalate.config.SettingsException} naming the variable or the key
 * and line.
 */
package app.escalate.config;
