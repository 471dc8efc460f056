"""Edits of the POMs of the dependencies built from source, through an XML parser (the standard library's DOM,
which keeps comments, whitespace and the order of elements and attributes, so a diff of the patched tree
against its tarball stays readable). Each function does one adjustment and raises PomError when what it
expects is not there, so a new tag cannot be patched silently wrong."""
import os
import re
from contextlib import contextmanager
from xml.dom import minidom


class PomError(Exception):
    """A POM that does not hold what an adjustment expects."""


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def write(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def parse(text):
    return minidom.parseString(text.encode('utf-8'))


def serialize(doc):
    """The document as text: the XML declaration, then every top-level node (comments before the project kept)."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + '\n'.join(node.toxml() for node in doc.childNodes) + '\n'


@contextmanager
def edit(path):
    """The POM as a DOM document; written back when the block ends without an error."""
    doc = parse(read(path))
    yield doc
    write(path, serialize(doc))


# -- reading elements ------------------------------------------------------------------------------------

def elements(parent, name=None):
    """The child elements of a node (of one name, when given)."""
    return [n for n in parent.childNodes if n.nodeType == n.ELEMENT_NODE and (name is None or n.tagName == name)]


def child(parent, name):
    found = elements(parent, name)
    return found[0] if found else None


def text(element):
    return ''.join(n.data for n in element.childNodes if n.nodeType in (n.TEXT_NODE, n.CDATA_SECTION_NODE)).strip()


def child_text(parent, name):
    c = child(parent, name)
    return text(c) if c is not None else None


def set_text(element, value):
    for n in list(element.childNodes):
        element.removeChild(n)
    element.appendChild(element.ownerDocument.createTextNode(value))


def everywhere(doc, name):
    """Every element of that name in the document, in document order."""
    return list(doc.getElementsByTagName(name))


def remove(element):
    """Removes an element and the indentation before it, so no blank line is left."""
    parent = element.parentNode
    before = element.previousSibling
    if before is not None and before.nodeType == before.TEXT_NODE and not before.data.strip():
        kept = before.data.rsplit('\n', 1)[0]
        if kept:
            before.data = kept
        else:
            parent.removeChild(before)
    parent.removeChild(element)


def coordinates(element):
    """(groupId, artifactId) of a dependency, plugin or parent element."""
    return child_text(element, 'groupId'), child_text(element, 'artifactId')


def require(found, what, path):
    if not found:
        raise PomError(f'patch: {what} not found in {path}')


# -- the tree ----------------------------------------------------------------------------------------------

def pom_files(root):
    """Every build POM of a source tree (not test fixtures, not node_modules)."""
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in ('node_modules', 'src', 'target', '.git')]
        if 'pom.xml' in files:
            yield os.path.join(d, 'pom.xml')


def project_coordinates(pom_path):
    """(groupId, artifactId) of a POM, the groupId inherited from the parent when it has none (or a property)."""
    project = parse(read(pom_path)).documentElement
    group = child_text(project, 'groupId')
    if not group or '$' in group:
        parent = child(project, 'parent')
        group = child_text(parent, 'groupId') if parent is not None else None
    return group, child_text(project, 'artifactId')


def version_template(pom_path):
    """The project's own <version> text (may hold ${revision} / ${changelist})."""
    return child_text(parse(read(pom_path)).documentElement, 'version')


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
        raise PomError(f'version {version} does not fit the POM version template {template}')
    return [f'-D{n}={m.group(n.replace(".", "_"))}' for n in names]


# -- adjustments -------------------------------------------------------------------------------------------

def strip_test_dependencies(root, keep=()):
    """Test-scoped dependencies are resolved even with -Dmaven.test.skip: drop them from libraries
    that are only installed (their tests never run here)."""
    for p in pom_files(root):
        if os.path.relpath(p, root) in keep:
            continue
        doc = parse(read(p))
        tests = [d for d in everywhere(doc, 'dependency') if child_text(d, 'scope') == 'test']
        if tests:
            for d in tests:
                remove(d)
            write(p, serialize(doc))


def java_level(root, old, new='8'):
    """Sources and targets below what JDK 17 compiles (1.2, 1.5) raised to 8."""
    p = os.path.join(root, 'pom.xml')
    with edit(p) as doc:
        for name in ('source', 'target'):
            found = [e for e in everywhere(doc, name) if text(e) == old]
            require(found, f'<{name}>{old}</{name}>', p)
            for e in found:
                set_text(e, new)


def phase_off(root, phase, pom='pom.xml'):
    """Executions that copy fixtures out of other Jenkins artifacts (not built here) are turned off."""
    p = os.path.join(root, pom)
    with edit(p) as doc:
        found = [e for e in everywhere(doc, 'phase') if text(e) == phase]
        require(found, f'<phase>{phase}</phase>', p)
        for e in found:
            set_text(e, 'none')


def execution_off(root, execution_id, pom):
    p = os.path.join(root, pom)
    with edit(p) as doc:
        phases = [child(e, 'phase') for e in everywhere(doc, 'execution') if child_text(e, 'id') == execution_id]
        phases = [e for e in phases if e is not None]
        require(phases, f'the phase of execution {execution_id}', p)
        for e in phases:
            set_text(e, 'none')


def dependency_version(root, artifact_id, version, pom='pom.xml'):
    """Points one dependency (or plugin) at the version that was built here."""
    p = os.path.join(root, pom)
    with edit(p) as doc:
        found = [child(e.parentNode, 'version') for e in everywhere(doc, 'artifactId') if text(e) == artifact_id]
        found = [v for v in found if v is not None]
        require(found, f'a version of {artifact_id}', p)
        for v in found:
            set_text(v, version)


def property_value(root, name, value, pom='pom.xml'):
    p = os.path.join(root, pom)
    with edit(p) as doc:
        found = everywhere(doc, name)
        require(found, f'<{name}>', p)
        for e in found:
            set_text(e, value)


def pin_dependencies(doc, built):
    """Every dependency built here (not an imported BOM) pinned at the version built."""
    for d in everywhere(doc, 'dependency'):
        version = child(d, 'version')
        if coordinates(d) in built and version is not None and child_text(d, 'scope') != 'import':
            set_text(version, built[coordinates(d)])


def add_dependency(root, pom, group, artifact, version, scope):
    """A dependency added first to the project's own dependencies."""
    p = os.path.join(root, pom)
    with edit(p) as doc:
        deps = child(doc.documentElement, 'dependencies')
        require(deps is not None, '<dependencies> of the project', p)
        d = doc.createElement('dependency')
        for name, value in (('groupId', group), ('artifactId', artifact), ('version', version), ('scope', scope)):
            e = doc.createElement(name)
            e.appendChild(doc.createTextNode(value))
            d.appendChild(e)
        deps.insertBefore(doc.createTextNode('\n    '), deps.firstChild)
        deps.insertBefore(d, deps.firstChild.nextSibling)


def plugin_to_toolchain(root, built, plugin_pom_version, baseline, jenkins_version, bom_version, drop=()):
    """A plugin's POMs pointed at the tool chain built here: parent plugin-pom, the Jenkins baseline,
    the BOM line, every explicit version of a plugin at the version built from its tarball, and the
    optional dependencies that cannot be built here dropped."""
    for p in pom_files(root):
        with edit(p) as doc:
            parent = child(doc.documentElement, 'parent')
            if parent is not None and coordinates(parent) == ('org.jenkins-ci.plugins', 'plugin'):
                set_text(child(parent, 'version'), plugin_pom_version)
            for e in everywhere(doc, 'jenkins.baseline'):
                set_text(e, baseline)
            for e in everywhere(doc, 'jenkins.version'):
                set_text(e, jenkins_version)
            for d in everywhere(doc, 'dependency'):
                version = child(d, 'version')
                if child_text(d, 'artifactId') in drop:
                    remove(d)
                elif child_text(d, 'groupId') == 'io.jenkins.tools.bom' and version is not None:
                    set_text(child(d, 'artifactId'), f'bom-{baseline}.x')
                    set_text(version, bom_version)
                elif coordinates(d) in built and version is not None:
                    set_text(version, built[coordinates(d)])


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
        raise PomError(f'patch: no source of {root} matches {pattern}')
    return dropped
