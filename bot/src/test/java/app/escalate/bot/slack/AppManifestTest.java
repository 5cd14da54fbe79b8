package app.escalate.bot.slack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppManifestTest {
    @Test
    void reads_the_bot_scopes_with_what_the_comment_beside_each_says_they_are_for() {
        AppManifest manifest = AppManifest.parse("""
                features:
                  slash_commands:
                    - command: /esc   # not a scope
                oauth_config:
                  scopes:
                    bot:
                      - commands        # /esc
                      - chat:write      # case cards, replies and direct messages
                      - channels:read
                settings:
                  event_subscriptions:
                    bot_events:
                      - reaction_added  # not a scope either
                """);

        assertThat(manifest.botScopes()).containsExactly(
                new AppManifest.Scope("commands", "/esc"),
                new AppManifest.Scope("chat:write", "case cards, replies and direct messages"),
                new AppManifest.Scope("channels:read", ""));
    }

    @Test
    void a_manifest_without_bot_scopes_is_refused() {
        assertThatThrownBy(() -> AppManifest.parse("display_information:\n  name: Escalate\n"))
                .hasMessageContaining("oauth_config.scopes.bot");
    }

    @Test
    void the_jar_carries_the_repository_manifest_and_says_what_every_scope_is_for() throws Exception {
        AppManifest bundled = AppManifest.bundled();

        assertThat(bundled).isEqualTo(AppManifest.parse(Files.readString(Path.of("..", "manifest.yml"))));
        assertThat(bundled.botScopeNames()).contains("commands", "chat:write", "groups:write");
        assertThat(bundled.botScopes()).as("a scope the set-up check may call missing needs a comment saying what it is for")
                .allSatisfy(scope -> assertThat(scope.purpose()).isNotBlank());
    }
}
