package io.jenkins.plugins.gitopssync.engine.substitute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flux's envsubst rules, one by one, with the results its README and spec give. */
class EnvsubstTest {

    private static final Map<String, String> VARS = Map.of("cluster_env", "prod", "cluster_region", "eu-central-1",
            "empty", "", "name", "shopFront", "path", "/a/b/a/b");

    private static String strict(String text) throws SubstitutionException {
        return Envsubst.eval(text, VARS::get);
    }

    private static String lenient(String text) throws SubstitutionException {
        return Envsubst.eval(text, n -> VARS.getOrDefault(n, ""));
    }

    @Test
    void aVariableIsItsValue() throws Exception {
        assertThat(strict("environment: ${cluster_env}\nregion: \"${cluster_region}\"\n"))
                .isEqualTo("environment: prod\nregion: \"eu-central-1\"\n");
    }

    @Test
    void aDefaultIsTakenWhenTheVariableIsUndefinedOrEmpty() throws Exception {
        assertThat(strict("${cluster_env:=dev} ${undefined:=dev} ${empty:=dev}")).isEqualTo("prod dev dev");
        assertThat(strict("${undefined:-fallback} ${empty:-fallback} ${cluster_env:-fallback}")).isEqualTo("fallback fallback prod");
        assertThat(strict("${undefined=plain} ${undefined:=}")).isEqualTo("plain ");
        assertThat(strict("${undefined:=${cluster_region}-x}")).as("a default holding an expression").isEqualTo("eu-central-1-x");
    }

    @Test
    void doubleDollarIsALiteralDollar() throws Exception {
        assertThat(strict("$${cluster_env} costs $$5")).isEqualTo("${cluster_env} costs $5");
        assertThat(strict("echo $cluster_env $HOME")).as("$var without braces is left alone").isEqualTo("echo $cluster_env $HOME");
    }

    @Test
    void strictModeRefusesAnUndefinedVariableAndLenientModeMakesItEmpty() throws Exception {
        assertThatThrownBy(() -> strict("a: ${missing}")).isInstanceOf(Envsubst.UndefinedVariable.class)
                .hasMessage("variable 'missing' is not defined");
        assertThat(lenient("a: ${missing}")).isEqualTo("a: ");
    }

    @Test
    void theStringFunctionsOfFluxsReadme() throws Exception {
        assertThat(strict("${#name} ${name^} ${name^^} ${name,} ${name,,}")).isEqualTo("9 ShopFront SHOPFRONT shopFront shopfront");
        assertThat(strict("${name:4} ${name:0:4} ${name:-5}")).isEqualTo("Front shop shopFront");
        assertThat(strict("${path/a/x} ${path//a/x} ${path/#\\/a/z} ${path/%b/y}")).isEqualTo("/x/b/a/b /x/b/x/b z/b/a/b /a/b/a/y");
    }

    @Test
    void badSyntaxIsAnError() {
        assertThatThrownBy(() -> strict("${}")).hasMessageStartingWith("unable to parse variable name");
        assertThatThrownBy(() -> strict("${name")).hasMessageContaining("missing closing brace");
        assertThatThrownBy(() -> strict("${name#pre}")).hasMessageContaining("not supported");
    }
}
