package io.jenkins.plugins.gitopssync.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplySetNamesTest {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SHOP = "https://git.example/org/Shop.git";

    @Test
    void aJobNameThatIsALabelIsTheNameItself() {
        assertThat(ApplySetNames.forJob("team-deploy", null)).isEqualTo("team-deploy");
        assertThat(ApplySetNames.forJob("team-deploy", ".")).isEqualTo("team-deploy");
        assertThat(ApplySetNames.forJob("team-deploy", "./")).isEqualTo("team-deploy");
        assertThat(ApplySetNames.forJob("team-deploy", "prod")).isEqualTo("team-deploy-prod");
    }

    @Test
    void anAlteredJobNameGetsTheHashOfTheOriginal() {
        String folder = ApplySetNames.forJob("Team/Deploy Prod", "clusters/prod");
        assertThat(folder).matches("team-deploy-prod-clusters-prod-[0-9a-f]{8}");
        assertThat(ApplySetNames.forJob("Team/Deploy Prod", "clusters/prod")).isEqualTo(folder);
        assertThat(ApplySetNames.forJob("Team/Deploy Prod", "clusters/stage")).isNotEqualTo(folder);
        assertThat(ApplySetNames.forJob("team-deploy-prod", "clusters/prod")).isNotEqualTo(folder);
        assertThat(ApplySetNames.forJob("Team/Deploy Prod", "./clusters/prod/")).as("one directory, one name")
                .isEqualTo(folder);
    }

    @Test
    void longNamesAreCutToALabelAndStayApart() {
        String a = ApplySetNames.forJob("a".repeat(100), "b".repeat(100));
        assertThat(a).hasSize(63).matches(LABEL);
        assertThat(ApplySetNames.forJob("a".repeat(100), "c".repeat(100))).isNotEqualTo(a);
        String cutAtDash = ApplySetNames.forJob("a".repeat(53) + "-" + "x".repeat(20), null);
        assertThat(cutAtDash).matches("a{53}-[0-9a-f]{8}");
    }

    @Test
    void aNameWithoutLettersIsGitopsAndTheHash() {
        assertThat(ApplySetNames.forJob("___", null)).matches("gitops-[0-9a-f]{8}");
        assertThat(ApplySetNames.forRepository("", "/", "")).matches("gitops-[0-9a-f]{8}");
    }

    @Test
    void aRepositoryNameAlwaysCarriesTheHashOfUrlAndPath() {
        String name = ApplySetNames.forRepository("Shop", SHOP, ".");
        assertThat(name).matches("shop-[0-9a-f]{8}");
        assertThat(ApplySetNames.forRepository("Shop", SHOP, "")).isEqualTo(name);
        assertThat(ApplySetNames.forRepository("Shop", "https://other.example/org/shop.git", ""))
                .as("the same short name elsewhere is another inventory").isNotEqualTo(name);
        assertThat(ApplySetNames.forRepository("Shop", SHOP, "./overlays/Staging_EU/"))
                .matches("shop-overlays-staging-eu-[0-9a-f]{8}")
                .isEqualTo(ApplySetNames.forRepository("Shop", SHOP, "overlays/Staging_EU"));
        assertThat(ApplySetNames.forRepository("shop", SHOP, "a/".repeat(60) + "end")).hasSizeLessThanOrEqualTo(63)
                .matches(LABEL);
    }

    @Test
    void theDefaultIsPinned() {
        // a changed default would leave every existing inventory behind: these must never change
        assertThat(ApplySetNames.forRepository("shop", SHOP, "")).isEqualTo("shop-" + sha8(SHOP + "\n"));
        assertThat(ApplySetNames.forJob("Team/Deploy", "")).isEqualTo("team-deploy-" + sha8("Team/Deploy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop", "shop-prod", "a.b-c", "x1", "team.deploy.prod"})
    void validNames(String name) {
        assertThat(ApplySetNames.problem(name)).isEmpty();
        assertThat(ApplySetNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Shop", "-shop", "shop-", "a/b", "a_b", "a..b", "a.-b", ".a"})
    void invalidNamesSayWhy(String name) {
        assertThat(ApplySetNames.problem(name)).hasValueSatisfying(m -> assertThat(m).contains("ApplySet name"));
        assertThat(ApplySetNames.isValid(name)).isFalse();
    }

    @Test
    void aRefusalSaysWhatIsAllowed() {
        assertThat(ApplySetNames.problem("Shop")).hasValue("invalid ApplySet name 'Shop': use lower-case letters,"
                + " digits, '-' and '.', starting and ending with a letter or digit, at most 240 characters");
        assertThat(ApplySetNames.problem("")).hasValue("no ApplySet name given: it names the inventory Secret of this sync");
    }

    @Test
    void theLengthLeavesRoomForTheLeaseName() {
        assertThat(ApplySetNames.isValid("a".repeat(240))).isTrue();
        assertThat(ApplySetNames.problem("a".repeat(241))).hasValueSatisfying(m -> assertThat(m).contains("240"));
        assertThat(ApplySetNames.isValid(null)).isFalse();
    }

    @Test
    void everyDefaultIsValid() {
        for (String job : new String[] {"x", "Team/Deploy Prod", "a".repeat(300), "--", "Ünïcode"}) {
            assertThat(ApplySetNames.isValid(ApplySetNames.forJob(job, "some/path"))).as(job).isTrue();
            assertThat(ApplySetNames.isValid(ApplySetNames.forRepository(job, "u", "p"))).as(job).isTrue();
        }
    }

    private static String sha8(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
