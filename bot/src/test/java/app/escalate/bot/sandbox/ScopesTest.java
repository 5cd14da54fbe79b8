package app.escalate.bot.sandbox;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in grants the bot what an install from the app manifest grants, no more and no less. */
class ScopesTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_new_workspace_grants_the_bot_scopes_manifest_yml_asks_for() throws IOException {
        Path manifest = Path.of("..", "manifest.yml");   // the tests run in bot/
        Map<String, Object> yaml = new Yaml().load(Files.readString(manifest));
        Map<String, Object> oauth = (Map<String, Object>) yaml.get("oauth_config");
        List<String> bot = (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");

        assertThat(Scopes.MANIFEST).containsExactlyElementsOf(bot);
        assertThat(new Workspace().grantedScopes()).containsExactlyInAnyOrderElementsOf(bot);
        assertThat(new Workspace().scopesHeader()).isEqualTo(String.join(",", bot));
    }
}
