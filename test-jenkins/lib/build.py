#!/usr/bin/env python3
"""Builds Jenkins, the plugin tool chain, the test harness and every plugin GitOps Sync needs from the
source tarballs of ../shared/jenkins-src into a local Maven repository (Maven Central and the npm
registry are the only things contacted). Idempotent: each step leaves a marker, and a warm run only
checks them. The last line printed is MAVEN_SETTINGS=<settings.xml> (see recipe.py for the order).
A step that cannot go on raises BuildError (or poms.PomError); main prints it as one line and exits 1.
"""
import fcntl
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import poms  # noqa: E402
import recipe  # noqa: E402

LIB = os.path.dirname(os.path.abspath(__file__))
HERE = os.path.dirname(LIB)
PROJECT = os.path.dirname(HERE)
STAND_INS = os.path.join(HERE, 'stand-ins')
START = time.time()


def say(msg):
    print(f'jenkins: {msg}', file=sys.stderr, flush=True)


class BuildError(Exception):
    """What stops the build, said in one line: what is missing or failed, and where to look."""


def source_dir():
    d = os.environ.get('GITOPS_SYNC_JENKINS_SRC') or os.path.join(PROJECT, '..', 'shared', 'jenkins-src')
    d = os.path.abspath(d)
    if not os.path.isfile(os.path.join(d, 'MANIFEST.tsv')):
        raise BuildError(f'no source tarballs: {d}/MANIFEST.tsv is missing (set GITOPS_SYNC_JENKINS_SRC to the folder that holds them)')
    return d


def cache_key(src):
    """The manifest and every build file: a change to either builds into a fresh repository."""
    h = hashlib.sha256()
    files = [os.path.join(src, 'MANIFEST.tsv')]
    files += sorted(glob.glob(os.path.join(LIB, '*.py')))
    files += sorted(glob.glob(os.path.join(STAND_INS, '**', '*'), recursive=True))
    for f in files:
        if os.path.isfile(f):
            h.update(os.path.basename(f).encode())
            with open(f, 'rb') as fh:
                h.update(fh.read())
    return h.hexdigest()[:12]


def cache_dir(src):
    root = os.environ.get('GITOPS_SYNC_CACHE') or os.path.expanduser('~/.cache/gitops-sync')
    return os.path.join(root, 'jenkins', f'{recipe.JENKINS}-{cache_key(src)}')


class Manifest:
    def __init__(self, src):
        self.src = src
        self.rows = {}
        with open(os.path.join(src, 'MANIFEST.tsv')) as f:
            for line in f.read().splitlines()[1:]:
                cols = line.split('\t')
                if len(cols) >= 4:
                    self.rows[(cols[0], cols[1])] = cols[3]

    def tarball(self, repo, tag):
        """The verified tarball of one repository at one tag, or a clear stop naming what to add."""
        path = os.path.join(self.src, f'{repo}@{tag}.tar.gz')
        slug = repo.replace('+', '/')
        if not os.path.isfile(path):
            raise BuildError(f'source tarball missing: repository {slug} at tag {tag} (expected {path}; '
                             f'add it to ../shared/jenkins-src with a MANIFEST.tsv row)')
        want = self.rows.get((repo, tag))
        if want is None:
            raise BuildError(f'{path} has no row in MANIFEST.tsv (repository {slug}, tag {tag})')
        got = sha256(path)
        if got != want:
            raise BuildError(f'{path}: sha256 {got} does not match MANIFEST.tsv ({want})')
        return path


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def central_url():
    """Maven Central as this machine's Maven reaches it: an explicit override, else the URL of the
    `central` repository built into the installed Maven (so no host is written in this project)."""
    if os.environ.get('GITOPS_SYNC_MAVEN_CENTRAL'):
        return os.environ['GITOPS_SYNC_MAVEN_CENTRAL']
    mvn = shutil.which('mvn')
    if not mvn:
        raise BuildError('mvn is not installed')
    home = os.path.dirname(os.path.dirname(os.path.realpath(mvn)))
    for jar in glob.glob(os.path.join(home, 'lib', 'maven-model-builder-*.jar')):
        with zipfile.ZipFile(jar) as z:
            super_pom = poms.parse(z.read('org/apache/maven/model/pom-4.0.0.xml').decode())
        for repository in poms.everywhere(super_pom, 'repository'):
            if poms.child_text(repository, 'id') == 'central' and poms.child_text(repository, 'url'):
                return poms.child_text(repository, 'url')
    raise BuildError(f'cannot find the central repository URL in the Maven at {home}; set GITOPS_SYNC_MAVEN_CENTRAL')


def npm_registry():
    if os.environ.get('GITOPS_SYNC_NPM_REGISTRY'):
        return os.environ['GITOPS_SYNC_NPM_REGISTRY']
    out = subprocess.run(['npm', 'config', 'get', 'registry'], capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout.strip():
        raise BuildError('npm is not installed or has no registry configured (needed for the JavaScript bundles)')
    return out.stdout.strip()


def tag_version(tag):
    """The version a release tag stands for: `git-client-6.6.1` -> 6.6.1, `1502.v5c95e620ddfe` as is."""
    m = re.fullmatch(r'(?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*-)?(\d.*)', tag)
    return m.group(1) if m else tag


class Build:
    def __init__(self):
        self.src = source_dir()
        self.manifest = Manifest(self.src)
        self.dir = cache_dir(self.src)
        self.m2 = os.path.join(self.dir, 'm2')
        self.logs = os.path.join(self.dir, 'logs')
        self.done = os.path.join(self.dir, 'done')
        self.settings = os.path.join(self.dir, 'settings.xml')
        self.build_settings = os.path.join(self.dir, 'settings-closure.xml')
        self.maven_home = os.path.join(self.dir, 'tools', f'apache-maven-{recipe.MAVEN}')
        for d in (self.m2, self.logs, self.done):
            os.makedirs(d, exist_ok=True)
        self.env = dict(os.environ)
        self.env.pop('MAVEN_ARGS', None)
        self.env.setdefault('MAVEN_OPTS', '-Xmx2g -XX:+UseParallelGC')
        self.built = {}

    # -- bookkeeping -------------------------------------------------------------------------------

    def marker(self, what):
        return os.path.join(self.done, re.sub(r'[^A-Za-z0-9._@+-]', '_', what))

    def is_done(self, what):
        return os.path.exists(self.marker(what))

    def mark(self, what, seconds):
        with open(self.marker(what), 'w') as f:
            f.write(f'{seconds:.0f}s\n')

    def run(self, what, cmd, cwd, log, env=None):
        """Runs one build command with its output in a log, a heartbeat every 30 s, and on failure the
        log's last error lines and its path."""
        t0 = time.time()
        with open(log, 'w') as out:
            p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env or self.env)
            stop = threading.Event()

            def beat():
                while not stop.wait(30):
                    say(f'  still building {what}: {time.time() - t0:.0f} s (log {log})')

            threading.Thread(target=beat, daemon=True).start()
            rc = p.wait()
            stop.set()
        if rc != 0:
            with open(log, errors='replace') as f:
                lines = f.read().splitlines()
            errors = [line for line in lines if '[ERROR]' in line or 'error' in line.lower()][:25] or lines[-25:]
            print('\n'.join(errors), file=sys.stderr)
            raise BuildError(f'building {what} failed (exit {rc}); full log: {log}; command: {" ".join(cmd)} (in {cwd})')
        return time.time() - t0

    def extract(self, repo, tag, fresh=False):
        """The tarball's tree under src/REPO@TAG (its top folder removed); extracted again when asked
        or when an earlier extraction did not finish."""
        dest = os.path.join(self.dir, 'src', f'{repo}@{tag}')
        if os.path.exists(dest + '/.extracted') and not fresh:
            return dest
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(dest)
        with tarfile.open(self.manifest.tarball(repo, tag)) as t:
            members = t.getmembers()
            top = os.path.commonpath([m.name for m in members]) if members else ''
            for m in members:
                rel = os.path.relpath(m.name, top) if top else m.name
                if rel == '.':
                    continue
                m.name = rel
                t.extract(m, dest, filter='tar')
        poms.write(dest + '/.extracted', '')
        return dest

    # -- one-time setup ----------------------------------------------------------------------------

    def write_settings(self):
        """Two Maven settings that resolve from the local repository and Maven Central only (every
        repository a POM names, the Jenkins one included, is mirrored by Central): one to build the
        closure, and the one printed for `mvn -Pjenkins`, which also supplies the versions that the
        plugin POM pins but the source snapshot lacks (a profile there would also reach the closure's
        own builds, which must keep their pins)."""
        mirror = f"""  <localRepository>{self.m2}</localRepository>
  <mirrors>
    <mirror><id>maven-central-only</id><mirrorOf>*</mirrorOf><url>{central_url()}</url></mirror>
  </mirrors>
"""
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- Written by test-jenkins/jenkins build: artifacts built from '
                '../shared/jenkins-src live in the local repository below; everything else comes from Maven Central. -->\n')
        profile = f"""  <profiles>
    <profile>
      <id>jenkins-from-source</id>
      <properties>
        <!-- the plugin POM pins versions newer than the source snapshot holds -->
        <hpi-plugin.version>{recipe.HPI_PLUGIN}</hpi-plugin.version>
        <jetty.version>{recipe.JETTY}</jetty.version>
      </properties>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>jenkins-from-source</activeProfile></activeProfiles>
"""
        for path, text in ((self.build_settings, head + '<settings>\n' + mirror + '</settings>\n'),
                           (self.settings, head + '<settings>\n' + mirror + profile + '</settings>\n')):
            if not os.path.exists(path) or poms.read(path) != text:
                poms.write(path, text)

    def maven(self):
        """Maven 3.9 (maven-hpi-plugin needs >= 3.9.6; Debian has 3.8), itself from Maven Central."""
        mvn = os.path.join(self.maven_home, 'bin', 'mvn')
        if os.path.exists(mvn):
            return mvn
        tools = os.path.join(self.dir, 'tools')
        os.makedirs(tools, exist_ok=True)
        say(f'fetching Maven {recipe.MAVEN} from Maven Central')
        self.run(f'Maven {recipe.MAVEN}', ['mvn', '-B', '-q', '-ntp', '-s', self.build_settings,
                                           'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy',
                                           f'-Dartifact=org.apache.maven:apache-maven:{recipe.MAVEN}:tar.gz:bin',
                                           f'-DoutputDirectory={tools}'], tools, os.path.join(self.logs, 'maven.log'))
        with tarfile.open(os.path.join(tools, f'apache-maven-{recipe.MAVEN}-bin.tar.gz')) as t:
            t.extractall(tools, filter='tar')
        return mvn

    def install_file(self, group, artifact, version, ext, source=None, text=None, classifier=None):
        d = os.path.join(self.m2, *group.split('.'), artifact, version)
        os.makedirs(d, exist_ok=True)
        name = f'{artifact}-{version}' + (f'-{classifier}' if classifier else '') + f'.{ext}'
        if text is not None:
            poms.write(os.path.join(d, name), text)
        else:
            shutil.copyfile(source, os.path.join(d, name))

    def parent_poms(self):
        """Every org.jenkins-ci:jenkins parent POM (libraries name many of them), installed as they
        are, their CI-friendly version made literal."""
        if self.is_done('parent-poms'):
            return
        tree = self.extract('jenkinsci+pom', 'all-tags')
        n = 0
        for f in sorted(glob.glob(os.path.join(tree, '*.pom'))):
            version = tag_version(os.path.basename(f)[:-4])
            text = poms.read(f)
            template = poms.version_template(f)
            if template and '${' in template:
                doc = poms.parse(text)
                poms.set_text(poms.child(doc.documentElement, 'version'), version)
                text = poms.serialize(doc)
            self.install_file('org.jenkins-ci', 'jenkins', version, 'pom', text=text)
            n += 1
        self.mark('parent-poms', 0)
        say(f'installed {n} org.jenkins-ci:jenkins parent POMs')

    def stand_ins(self):
        """Artifacts that are neither in the snapshot nor on Maven Central, made from what is."""
        if self.is_done('stand-ins'):
            return
        work = os.path.join(self.dir, 'stand-ins')
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        # stapler-adjunct-codemirror 1.3: CodeMirror 2.33 (the version that adjunct wraps) from npm
        env = dict(self.env, npm_config_registry=npm_registry())
        self.run('codemirror 2.33.0 (npm)', ['npm', 'pack', '--silent', 'codemirror@2.33.0'], work,
                 os.path.join(self.logs, 'codemirror.log'), env=env)
        with tarfile.open(os.path.join(work, 'codemirror-2.33.0.tgz')) as t:
            t.extractall(work, filter='tar')
        jar_root = os.path.join(work, 'codemirror-jar')
        pkg_dir = os.path.join(jar_root, 'org', 'kohsuke', 'stapler', 'codemirror')
        for part in ('lib', 'mode', 'theme'):
            shutil.copytree(os.path.join(work, 'package', part), os.path.join(pkg_dir, part))
        for f in glob.glob(os.path.join(pkg_dir, '**', 'index.html'), recursive=True):
            os.remove(f)
        poms.write(os.path.join(pkg_dir, 'theme', 'default.css'), '/* the default theme is in lib/codemirror.css */\n')
        jar = os.path.join(work, 'codemirror.jar')
        self.run('codemirror jar', ['jar', 'cf', jar, '-C', jar_root, 'org'], work, os.path.join(self.logs, 'codemirror.log'))
        self.install_file('org.kohsuke.stapler', 'stapler-adjunct-codemirror', '1.3', 'jar', source=jar)
        self.install_file('org.kohsuke.stapler', 'stapler-adjunct-codemirror', '1.3', 'pom', text=stand_in_pom(
            'org.kohsuke.stapler', 'stapler-adjunct-codemirror', '1.3', 'jar',
            'Stand-in made from the npm package codemirror@2.33.0', 'MIT License'))
        # winsw: the Windows service wrapper the war embeds (unused on Linux)
        self.install_file('com.sun.winsw', 'winsw', '2.9.0', 'exe', classifier='net4',
                          text='stand-in: the Windows service wrapper is not part of a Jenkins built from source\n')
        self.install_file('com.sun.winsw', 'winsw', '2.9.0', 'pom',
                          text=stand_in_pom('com.sun.winsw', 'winsw', '2.9.0', 'pom', 'Stand-in (Windows only)', 'MIT License'))
        # fips-bundle-test: one interface the harness compiles against
        self.install_stand_in('fips-bundle-test', [], 'io.jenkins.test.fips', 'fips-bundle-test', '31.va_249066133ed',
                              'Stand-in: the interface only (FIPS mode is never used here)')
        self.mark('stand-ins', 0)
        say('stand-ins installed: stapler-adjunct-codemirror 1.3 (from npm codemirror 2.33.0), winsw 2.9.0, fips-bundle-test')

    def install_stand_in(self, name, classpath, group, artifact, version, description):
        """The Java sources of stand-ins/NAME compiled against `classpath` and installed as a jar with its POM."""
        jar = self.compile_stand_in(name, classpath)
        self.install_file(group, artifact, version, 'jar', source=jar)
        self.install_file(group, artifact, version, 'pom',
                          text=stand_in_pom(group, artifact, version, 'jar', description, 'MIT License'))

    def artifact(self, group, artifact, version, ext):
        """The path of an artifact in the local repository."""
        return os.path.join(self.m2, *group.split('.'), artifact, version, f'{artifact}-{version}.{ext}')

    def compile_stand_in(self, name, classpath):
        work = os.path.join(self.dir, 'stand-ins', name)
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        sources = glob.glob(os.path.join(STAND_INS, name, '**', '*.java'), recursive=True)
        cmd = ['javac', '--release', '17', '-d', work] + (['-cp', ':'.join(classpath)] if classpath else []) + sources
        self.run(f'stand-in {name}', cmd, STAND_INS, os.path.join(self.logs, f'stand-in-{name}.log'))
        jar = work + '.jar'
        self.run(f'stand-in {name}', ['jar', 'cf', jar, '-C', work, '.'], STAND_INS,
                 os.path.join(self.logs, f'stand-in-{name}.log'))
        return jar

    def built_versions(self):
        """(groupId, artifactId) -> version for every artifact the plugin tarballs produce: the versions
        the BOM and the plugins' explicit dependencies are pointed at."""
        for step in recipe.PLUGINS:
            tree = self.extract(step.repo, step.tag)
            for p in poms.pom_files(tree):
                g, a = poms.project_coordinates(p)
                if g and a:
                    self.built[(g, a)] = tag_version(step.tag)

    def bom(self):
        """The plugin BOM (POM only): the 2.541.x line and the lines it imports, their versions made
        literal, and every plugin it pins that is built here pinned at the version built."""
        if self.is_done('bom'):
            return
        tree = self.extract('jenkinsci+bom', recipe.BOM)
        v = recipe.BOM
        for module in ('.', 'bom-weekly', 'bom-2.568.x', 'bom-2.555.x', 'bom-2.541.x'):
            doc = poms.parse(poms.read(os.path.join(tree, module, 'pom.xml')))
            for version in poms.everywhere(doc, 'version'):
                if poms.text(version) == '${changelist}':
                    poms.set_text(version, v)
            if module == '.':
                poms.set_text(poms.child(poms.child(doc.documentElement, 'parent'), 'version'), recipe.BOM_PARENT)
            else:
                poms.pin_dependencies(doc, self.built)
            g, a = 'io.jenkins.tools.bom', ('parent' if module == '.' else module)
            self.install_file(g, a, v, 'pom', text=poms.serialize(doc))
        self.mark('bom', 0)
        say(f'installed the plugin BOM bom-{recipe.BASELINE}.x {v} (pins pointed at the {len(self.built)} artifacts built here)')

    # -- preparations that Maven would do with tools it downloads from Jenkins' servers -------------

    def prepare(self, step, tree):
        """The step's preparation (a recipe hook), once per extracted tree: the marker lives in the tree, so a
        tree extracted again is prepared again."""
        if not step.prepare or os.path.exists(tree + '/.prepared'):
            return
        t0 = time.time()
        step.prepare(self, step, tree)
        poms.write(tree + '/.prepared', f'{time.time() - t0:.0f}s\n')

    def yarn(self, step, cwd, script):
        """`yarn install` and `yarn SCRIPT` with Node's corepack, packages from the npm registry."""
        registry = npm_registry().rstrip('/')
        env = dict(self.env, COREPACK_NPM_REGISTRY=registry, COREPACK_ENABLE_DOWNLOAD_PROMPT='0',
                   COREPACK_HOME=os.path.join(self.dir, 'corepack'), YARN_NPM_REGISTRY_SERVER=registry,
                   YARN_ENABLE_GLOBAL_CACHE='false', YARN_ENABLE_IMMUTABLE_INSTALLS='false',
                   YARN_CACHE_FOLDER=os.path.join(self.dir, 'yarn-cache'), YARN_ENABLE_TELEMETRY='0')
        log = os.path.join(self.logs, f'{step.name}-js.log')
        self.run(f'{step.name} JavaScript (yarn install)', ['corepack', 'yarn', 'install'], cwd, log, env=env)
        self.run(f'{step.name} JavaScript (yarn {script})', ['corepack', 'yarn', script], cwd, log + '.build', env=env)

    def go_build(self, what, cwd, out, **env):
        """One static Go binary of the package in `cwd` (GOOS, GOARCH and the like in `env`)."""
        os.makedirs(os.path.dirname(out), exist_ok=True)
        self.run(f'{what} (go build)', ['go', 'build', '-trimpath', '-ldflags=-s -w', '-o', out, '.'], cwd,
                 os.path.join(self.logs, f'{what}.log'), env=dict(self.env, CGO_ENABLED='0', GOTOOLCHAIN='local', **env))

    # -- the steps ---------------------------------------------------------------------------------

    def step(self, i, n, step, mvn):
        what = f'{step.name}@{step.tag}'
        if self.is_done(what):
            return False
        tree = self.extract(step.repo, step.tag)
        if not os.path.exists(tree + '/.patched'):
            # a patch that stopped half-way must not be applied twice: start from the tarball
            tree = self.extract(step.repo, step.tag, fresh=True)
            if step.strip_tests:
                poms.strip_test_dependencies(tree, keep=step.keep_test_deps)
            if step.kind == 'plugin':
                poms.plugin_to_toolchain(tree, self.built, recipe.PLUGIN_POM, recipe.BASELINE, recipe.JENKINS,
                                         recipe.BOM, drop=step.drop)
                if step.drop_sources:
                    poms.drop_sources(tree, step.drop_sources)
            if step.patch:
                step.patch(tree)
            poms.write(tree + '/.patched', '')
        version = tag_version(step.tag)
        args = poms.version_properties(poms.version_template(os.path.join(tree, step.pom or 'pom.xml')), version)
        self.prepare(step, tree)
        cmd = [mvn, '-B', '-ntp', '-s', self.build_settings] + SKIP_CHECKS
        if step.kind == 'plugin':
            cmd += ['-Dlicense.skip', '-Dmaven.site.skip', f'-Djenkins.version={recipe.JENKINS}',
                    f'-Dhpi-plugin.version={recipe.HPI_PLUGIN}', f'-Djetty.version={recipe.JETTY}']
        cmd += args + step.args + (['-f', step.pom] if step.pom else []) + ['install']
        say(f'[{i:2}/{n}] building {step.name} {version} ({step.repo.replace("+", "/")} {step.tag})')
        seconds = self.run(f'{step.name} {version}', cmd, tree, os.path.join(self.logs, f'{what}.log'))
        self.mark(what, seconds)
        say(f'[{i:2}/{n}] built {step.name} {version} in {seconds:.0f} s')
        return True

    def main(self):
        os.makedirs(self.dir, exist_ok=True)
        lock = open(os.path.join(self.dir, '.lock'), 'w')
        fcntl.flock(lock, fcntl.LOCK_EX)
        self.write_settings()
        steps = recipe.STEPS
        todo = [s for s in steps if not self.is_done(f'{s.name}@{s.tag}')]
        if todo:
            say(f'building Jenkins {recipe.JENKINS}, its tool chain and {len(recipe.PLUGINS)} plugins from {self.src} '
                f'into {self.dir} ({len(todo)} of {len(steps)} steps to do; measured cold: about 30 minutes on 2 cores)')
        for repo, tag in {(s.repo, s.tag) for s in steps}:
            self.manifest.tarball(repo, tag)  # every tarball checked before the first build starts
        mvn = self.maven()
        self.parent_poms()
        self.stand_ins()
        self.built_versions()
        self.bom()
        built = 0
        for i, step in enumerate(steps, 1):
            built += self.step(i, len(steps), step, mvn)
        war = os.path.join(self.m2, 'org', 'jenkins-ci', 'main', 'jenkins-war', recipe.JENKINS,
                           f'jenkins-war-{recipe.JENKINS}.war')
        if not os.path.isfile(war):
            raise BuildError(f'{war} is missing although the build is marked done; remove {self.done} to rebuild')
        if built:
            say(f'built {built} steps in {time.time() - START:.0f} s; local repository {du(self.m2)}')
        print(f'MAVEN_HOME={self.maven_home}')
        print(f'JENKINS_WAR={war}')
        print(f'MAVEN_SETTINGS={self.settings}')


SKIP_CHECKS = ['-DskipTests', '-Dmaven.test.skip=true', '-Denforcer.skip', '-Dspotless.check.skip', '-Dspotless.skip',
               '-Dspotbugs.skip', '-Dcheckstyle.skip', '-Dmaven.javadoc.skip', '-Dinvoker.skip', '-Djacoco.skip',
               '-Dmaven.source.skip', '-Dgpg.skip', '-Dmaven.buildNumber.skip', '-Daccess-modifier-checker.skip']


def stand_in_pom(group, artifact, version, packaging, description, license_name):
    return (f'<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
            f'<groupId>{group}</groupId><artifactId>{artifact}</artifactId><version>{version}</version>'
            f'<packaging>{packaging}</packaging><description>{description}</description>'
            f'<licenses><license><name>{license_name}</name></license></licenses></project>\n')


def du(path):
    out = subprocess.run(['du', '-sh', path], capture_output=True, text=True).stdout.split()
    return out[0] if out else '?'


def main(args):
    try:
        if args and args[0] == 'cache-dir':
            print(cache_dir(source_dir()))
        else:
            Build().main()
    except (BuildError, poms.PomError) as e:
        print(f'jenkins: error: {e}', file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
