package io.jenkins.plugins.gitopssync.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgBadgeTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Synced, 0, synced, #4c1",
            "Drift, 3, drift 3, #fe7d37",
            "OutOfSync, 0, out of sync, #dfb317",
            "Failed, 0, failed, #e05d44",
    })
    void eachStatusIsAWellFormedBadge(SyncStatus status, int drift, String message, String color) throws Exception {
        Document svg = parse(SvgBadge.render(status, drift));

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("gitops: " + message);
        assertThat(root.getAttribute("aria-label")).isEqualTo("gitops: " + message);
        NodeList rects = svg.getElementsByTagName("rect");
        assertThat(((Element) rects.item(1)).getAttribute("fill")).isEqualTo("#555");
        assertThat(((Element) rects.item(2)).getAttribute("fill")).isEqualTo(color);
        NodeList texts = svg.getElementsByTagName("text");
        assertThat(texts.item(3).getTextContent()).isEqualTo(message);
        int width = Integer.parseInt(root.getAttribute("width"));
        int left = Integer.parseInt(((Element) rects.item(1)).getAttribute("width"));
        int right = Integer.parseInt(((Element) rects.item(2)).getAttribute("width"));
        assertThat(left + right).isEqualTo(width);
    }

    @Test
    void unknownIsGrey() throws Exception {
        Document svg = parse(SvgBadge.unknown());
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("gitops: unknown");
        assertThat(((Element) svg.getElementsByTagName("rect").item(2)).getAttribute("fill")).isEqualTo("#9f9f9f");
    }

    @Test
    void widthGrowsWithTheText() {
        assertThat(SvgBadge.textWidth("drift 1000")).isGreaterThan(SvgBadge.textWidth("drift 1"));
        assertThat(SvgBadge.svg("out of sync", "#000").length()).isPositive();
    }

    @Test
    void textIsXmlEscaped() throws Exception {
        Document svg = parse(SvgBadge.svg("a<b & \"c\"", "#000"));
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("gitops: a<b & \"c\"");
    }

    /** The badge reads the result's {@link Verdict}: drift found shows, whether a dry run left it or a sync corrected it. */
    @Test
    void forResultShowsTheVerdictAndDriftCount() throws Exception {
        List<ObjectResult> objects = List.of(
                new ObjectResult("apps", "v1", "Deployment", "p", "a", Action.CONFIGURED, true, "", null, null, null),
                new ObjectResult("apps", "v1", "Deployment", "p", "b", Action.CONFIGURED, true, "", null, null, null));
        SyncResult found = SyncResult.builder("r", ".", "a").status(SyncStatus.Drift).dryRun(true).objects(objects).build();
        SyncResult corrected = SyncResult.builder("r", ".", "a").status(SyncStatus.Synced).objects(objects).build();

        assertThat(title(SvgBadge.forResult(found))).isEqualTo("gitops: drift 2");
        assertThat(title(SvgBadge.forResult(corrected))).isEqualTo("gitops: drift 2");
        assertThat(title(SvgBadge.forResult(SyncResult.builder("r", ".", "a").status(SyncStatus.Synced).build())))
                .isEqualTo("gitops: synced");
        assertThat(title(SvgBadge.forResult(null))).isEqualTo("gitops: unknown");
    }

    private static String title(String svg) throws Exception {
        return parse(svg).getElementsByTagName("title").item(0).getTextContent();
    }
}
