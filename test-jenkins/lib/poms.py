"""Text-level edits of the POMs of the dependencies built from source (formatting kept, so a diff of
the patched tree against its tarball stays readable). Each function does one adjustment and fails
loudly when the text it expects is not there, so a new tag cannot be patched silently wrong."""
import os
import re

_DEPENDENCY = re.compile(r'<dependency>(?:(?!</dependency>).)*</dependency>', re.S)
_TEST_DEPENDENCY = re.compile(
    r'[ \t]*<dependency>(?:(?!</dependency>).)*?<scope>\s*test\s*</scope>(?:(?!</dependency>).)*?</dependency>[ \t]*\n?',
    re.S)


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def write(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def pom_files(root):
    """Every build POM of a source tree (not test fixtures, not node_modules)."""
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in ('node_modules', 'src', 'target', '.git')]
        if 'pom.xml' in files:
            yield os.path.join(d, 'pom.xml')


def replace(path, old, new, count=1):
    text = read(path)
    if old not in text:
        raise SystemExit(f'patch: "{old}" not found in {path}')
    write(path, text.replace(old, new, count))


def sub(path, pattern, repl, flags=re.S, required=True):
    text = read(path)
    new, n = re.subn(pattern, repl, text, flags=flags)
    if n == 0 and required:
        raise SystemExit(f'patch: /{pattern}/ not found in {path}')
    write(path, new)


def strip_test_dependencies(root, keep=()):
    """Test-scoped dependencies are resolved even with -Dmaven.test.skip: drop them from libraries
    that are only installed (their tests never run here)."""
    for p in pom_files(root):
        if os.path.relpath(p, root) in keep:
            continue
        text = read(p)
        new = _TEST_DEPENDENCY.sub('', text)
        if new != text:
            write(p, new)


def java_level(root, old, new='8'):
    """Sources and targets below what JDK 17 compiles (1.2, 1.5) raised to 8."""
    p = os.path.join(root, 'pom.xml')
    sub(p, f'<source>{re.escape(old)}</source>', f'<source>{new}</source>')
    sub(p, f'<target>{re.escape(old)}</target>', f'<target>{new}</target>')


def phase_off(root, phase, pom='pom.xml'):
    """Executions that copy fixtures out of other Jenkins artifacts (not built here) are turned off."""
    sub(os.path.join(root, pom), f'<phase>{phase}</phase>', '<phase>none</phase>')


def execution_off(root, execution_id, pom):
    sub(os.path.join(root, pom), rf'(<id>{re.escape(execution_id)}</id>(?:(?!</execution>).)*?<phase>)[^<]*(</phase>)',
        r'\1none\2')


def dependency_version(root, artifact_id, version, pom='pom.xml'):
    """Points one dependency (or plugin) at the version that was built here."""
    sub(os.path.join(root, pom),
        rf'(<artifactId>{re.escape(artifact_id)}</artifactId>\s*<version>)[^<]*(</version>)',
        rf'\g<1>{version}\g<2>')


def property_value(root, name, value, pom='pom.xml'):
    sub(os.path.join(root, pom), rf'<{re.escape(name)}>[^<]*</{re.escape(name)}>', f'<{name}>{value}</{name}>')


def project_coordinates(pom_path):
    """(groupId, artifactId) of a POM, the groupId inherited from the parent when it has none."""
    text = read(pom_path)
    body = re.sub(r'<parent>.*?</parent>', '', text, count=1, flags=re.S)
    body = re.sub(r'<(dependencies|dependencyManagement|build|profiles|reporting|modules)>.*?</\1>', '', body,
                  flags=re.S)
    parent = re.search(r'<parent>(.*?)</parent>', text, re.S)
    g = re.search(r'<groupId>([^<$]+)</groupId>', body)
    group = g.group(1) if g else (re.search(r'<groupId>([^<]+)</groupId>', parent.group(1)).group(1) if parent else None)
    a = re.search(r'<artifactId>([^<]+)</artifactId>', body)
    return group, a.group(1) if a else None


def version_template(pom_path):
    """The project's own <version> text (may hold ${revision} / ${changelist})."""
    text = read(pom_path)
    body = re.sub(r'<parent>.*?</parent>', '', text, count=1, flags=re.S)
    m = re.search(r'<version>([^<]+)</version>', body)
    return m.group(1) if m else None


def version_properties(template, version):
    """The -D properties that make a CI-friendly version template produce `version` (a `git archive`
    has no history, so the versions the release would have computed are passed in)."""
    if template is None or '${' not in template:
        return []
    if '${revision}${changelist}' in template:
        return [f'-Drevision={version}', '-Dchangelist=']
    names = re.findall(r'\$\{([^}]+)\}', template)
    rx = re.escape(template)
    for n in names:
        rx = rx.replace(re.escape('${' + n + '}'), f'(?P<{n.replace(".", "_")}>.+?)', 1)
    m = re.fullmatch(rx, version)
    if not m:
        raise SystemExit(f'version {version} does not fit the POM version template {template}')
    return [f'-D{n}={m.group(n.replace(".", "_"))}' for n in names]


def plugin_to_toolchain(root, built, plugin_pom_version, baseline, jenkins_version, bom_version, drop=()):
    """A plugin's POMs pointed at the tool chain built here: parent plugin-pom, the Jenkins baseline,
    the BOM line, every explicit version of a plugin at the version built from its tarball, and the
    optional dependencies that cannot be built here dropped."""
    for p in pom_files(root):
        text = read(p)

        def parent(m):
            block = m.group(0)
            if '<groupId>org.jenkins-ci.plugins</groupId>' in block and '<artifactId>plugin</artifactId>' in block:
                block = re.sub(r'<version>[^<]*</version>', f'<version>{plugin_pom_version}</version>', block)
            return block

        text = re.sub(r'<parent>.*?</parent>', parent, text, count=1, flags=re.S)
        text = re.sub(r'<jenkins.baseline>[^<]*</jenkins.baseline>', f'<jenkins.baseline>{baseline}</jenkins.baseline>', text)
        text = re.sub(r'<jenkins.version>[^<]*</jenkins.version>', f'<jenkins.version>{jenkins_version}</jenkins.version>', text)
        text = re.sub(r'(<groupId>io.jenkins.tools.bom</groupId>\s*<artifactId>)[^<]*(</artifactId>\s*<version>)[^<]*',
                      rf'\g<1>bom-{baseline}.x\g<2>{bom_version}', text)

        def dependency(m):
            block = m.group(0)
            g = re.search(r'<groupId>([^<]*)</groupId>', block)
            a = re.search(r'<artifactId>([^<]*)</artifactId>', block)
            if g and a and (g.group(1), a.group(1)) in built and '<version>' in block:
                block = re.sub(r'<version>[^<]*</version>', f'<version>{built[(g.group(1), a.group(1))]}</version>',
                               block, count=1)
            return block

        text = _DEPENDENCY.sub(dependency, text)
        for artifact in drop:
            text = re.sub(r'[ \t]*<dependency>\s*<groupId>[^<]*</groupId>\s*<artifactId>' + re.escape(artifact)
                          + r'</artifactId>(?:(?!</dependency>).)*</dependency>[ \t]*\n?', '', text, flags=re.S)
        write(p, text)


def drop_sources(root, pattern):
    """Main sources that only serve an optional plugin not built here (e.g. configuration-as-code)."""
    rx = re.compile(pattern)
    dropped = []
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in ('node_modules', 'target', 'test')]
        for f in files:
            if f.endswith(('.java', '.groovy')):
                p = os.path.join(d, f)
                if rx.search(read(p)):
                    os.remove(p)
                    dropped.append(os.path.relpath(p, root))
    if not dropped:
        raise SystemExit(f'patch: no source of {root} matches {pattern}')
    return dropped
