package org.millrace.cli.port;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swaps the {@code org.apache.flink} dependencies of a Maven {@code pom.xml} for Millrace's API
 * artifact: in each {@code <dependencies>} list, the first Flink dependency becomes
 * {@code org.millrace:millrace-runtime} (scope {@code provided}: the cluster has it) and the other
 * Flink ones are removed, each with the white space before it. Works on the text, so every other
 * byte (comments, formatting, properties such as {@code flink.version}) stays as it was;
 * dependencies inside XML comments are left alone. Stateless; any thread.
 */
final class PomRewriter {

    static final String FLINK_GROUP = "org.apache.flink";

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern DEPENDENCIES = Pattern.compile("<dependencies>(.*?)</dependencies>", Pattern.DOTALL);
    private static final Pattern DEPENDENCY = Pattern.compile("([ \\t]*)<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern EXCLUSIONS = Pattern.compile("<exclusions>.*?</exclusions>", Pattern.DOTALL);
    private static final Pattern GROUP_ID = Pattern.compile("<groupId>\\s*([^<]*?)\\s*</groupId>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>\\s*([^<]*?)\\s*</artifactId>");
    private static final Pattern INNER_INDENT = Pattern.compile("(\\r\\n|\\r|\\n)([ \\t]*)<");
    private static final Pattern LEADING_LINE_BREAK = Pattern.compile("(\\r\\n|\\r|\\n)[ \\t]*$");

    /** The new text and the Flink artifacts it removed, in order; unchanged text when there were none. */
    record Result(String text, List<String> removedArtifacts) {}

    private final String millraceVersion;

    PomRewriter(String millraceVersion) {
        this.millraceVersion = millraceVersion;
    }

    Result rewrite(String pom) {
        String masked = maskComments(pom);
        StringBuilder text = new StringBuilder(pom.length());
        List<String> removed = new ArrayList<>();
        int copied = 0;
        Matcher list = DEPENDENCIES.matcher(masked);
        while (list.find()) {
            boolean replacedOne = false;
            Matcher dependency = DEPENDENCY.matcher(masked).region(list.start(1), list.end(1));
            while (dependency.find()) {
                String body = EXCLUSIONS.matcher(dependency.group(2)).replaceAll("");
                Matcher group = GROUP_ID.matcher(body);
                if (!group.find() || !group.group(1).equals(FLINK_GROUP)) {
                    continue;
                }
                Matcher artifact = ARTIFACT_ID.matcher(body);
                removed.add(artifact.find() ? artifact.group(1) : "(no artifactId)");
                if (!replacedOne) {
                    text.append(pom, copied, dependency.start())
                            .append(millraceDependency(dependency.group(1), innerIndent(dependency), lineBreakOf(pom)));
                    replacedOne = true;
                } else {
                    Matcher lineBreak = LEADING_LINE_BREAK.matcher(pom).region(copied, dependency.start());
                    int cut = lineBreak.find() ? lineBreak.start() : dependency.start();
                    text.append(pom, copied, cut);
                }
                copied = dependency.end();
            }
        }
        text.append(pom, copied, pom.length());
        return new Result(text.toString(), List.copyOf(removed));
    }

    /** The indentation of the replaced dependency's first child element, so the new one looks alike. */
    private static String innerIndent(Matcher dependency) {
        Matcher child = INNER_INDENT.matcher(dependency.group(2));
        if (child.find()) {
            return child.group(2);
        }
        return dependency.group(1) + (dependency.group(1).contains("\t") ? "\t" : "  ");
    }

    private String millraceDependency(String indent, String inner, String lineBreak) {
        return indent + "<dependency>" + lineBreak
                + inner + "<groupId>org.millrace</groupId>" + lineBreak
                + inner + "<artifactId>millrace-runtime</artifactId>" + lineBreak
                + inner + "<version>" + millraceVersion + "</version>" + lineBreak
                + inner + "<scope>provided</scope>" + lineBreak
                + indent + "</dependency>";
    }

    private static String lineBreakOf(String text) {
        int lf = text.indexOf('\n');
        if (lf > 0 && text.charAt(lf - 1) == '\r') {
            return "\r\n";
        }
        return lf < 0 && text.indexOf('\r') >= 0 ? "\r" : "\n";
    }

    /** The text with every comment's characters replaced by spaces, so that offsets stay the same. */
    private static String maskComments(String text) {
        StringBuilder masked = new StringBuilder(text);
        Matcher comment = COMMENT.matcher(text);
        while (comment.find()) {
            for (int i = comment.start(); i < comment.end(); i++) {
                masked.setCharAt(i, ' ');
            }
        }
        return masked.toString();
    }
}
