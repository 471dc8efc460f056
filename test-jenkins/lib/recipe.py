"""What gets built, in which order, with which adjustment. One row per source tarball of
../shared/jenkins-src (see ../shared/reference/jenkins-from-source.md for why each adjustment exists).

A row is a Step: the tarball (repository, tag), the version it is installed as (its tag without the
artifact prefix), the adjustments of its POMs before the build, a preparation Maven would otherwise make
with tools from Jenkins' servers, and extra Maven arguments.
"""
import os
from dataclasses import dataclass, field
from typing import Callable, Optional

import poms

JENKINS = '2.541.3'
BASELINE = '2.541'
PLUGIN_POM = '6.2221.va_045130417c9'
HPI_PLUGIN = '3.1814.v77d15159f9b_d'
HARNESS_HTMLUNIT = '233.v915dc551570b_'
BOM = '6916.v15ec97679743'
# The parent POM the BOM names (2.1395) is not in the snapshot; 2.1376 serves an import POM.
BOM_PARENT = '2.1376.vb_7813a_893286'
# jetty-ee9-bom 12.1.11 (the harness's pin) is not on Maven Central; 12.1.5 is the Jetty inside the war.
JETTY = '12.1.5'
# JGit's http.server module stops at this version on Maven Central; the rest of JGit 7.6 is there.
JGIT_HTTP_SERVER = '7.5.0.202512021534-r'
MAVEN = '3.9.11'
# what jackson2-api 2.22.0 (via jackson-bom 2.22.0) needs of jackson-annotations
JACKSON_ANNOTATIONS = '2.22'


@dataclass
class Step:
    name: str                      # artifact / plugin short name, for progress lines and logs
    repo: str                      # OWNER+NAME, as in MANIFEST.tsv
    tag: str
    kind: str = 'lib'              # lib | plugin | jenkins
    patch: Optional[Callable] = None   # patch(src_dir) before the build
    args: list = field(default_factory=list)
    strip_tests: bool = True
    keep_test_deps: tuple = ()     # POMs (relative paths) whose test dependencies are kept
    drop: tuple = ()               # optional dependencies not built here (plugins)
    drop_sources: Optional[str] = None  # regex: main sources that only serve a dropped dependency
    prepare: Optional[Callable] = None  # prepare(build, step, src_dir) once before the first build of a tree
    pom: Optional[str] = None      # build this POM instead of the root one


def _symbol_annotation(src):
    poms.dependency_version(src, 'annotation-indexer', '1.18')


def _hpi_3_1814(src):
    poms.dependency_version(src, 'version-number', '1.12')
    poms.dependency_version(src, 'stapler-groovy', '2050.v425108fd5089')


def _harness(src):
    poms.dependency_version(src, 'jenkins-test-harness-htmlunit', HARNESS_HTMLUNIT)
    poms.phase_off(src, 'process-test-resources')
    poms.property_value(src, 'jetty.version', JETTY)


def _git_client(src):
    poms.dependency_version(src, 'org.eclipse.jgit.http.server', JGIT_HTTP_SERVER)


def _jackson_annotations(src):
    # the snapshot's tag bundles jackson-annotations 2.21; the jackson2-api tag next to it (2.22.0) is built
    # against 2.22, so the two plugins would disagree on the annotations (RequireUpperBoundDeps)
    poms.dependency_version(src, 'jackson-annotations', JACKSON_ANNOTATIONS)


def _war(src):
    poms.execution_off(src, 'detached-plugins', 'war/pom.xml')


STAND_IN_GROUP = 'io.jenkins.plugins.gitops-sync.stand-in'


def _workflow_cps(src):
    # support-core is optional in workflow-cps but used directly by two nested classes; a stub of
    # its API (provided scope) lets them compile; at run time Jenkins skips them, as without support-core.
    poms.add_dependency(src, 'plugin/pom.xml', STAND_IN_GROUP, 'support-core-api', '1', 'provided')


# Preparations, each given the build (its yarn, Go and stand-in helpers), the step and its source tree.

def _jenkins_js(build, step, src):
    build.yarn(step, src, 'build')


def _workflow_cps_js(build, step, src):
    build.yarn(step, os.path.join(src, 'plugin'), 'mvnbuild')
    # the stand-in of support-core's API that _workflow_cps makes the plugin compile against
    core = build.artifact('org.jenkins-ci.main', 'jenkins-core', JENKINS, 'jar')
    build.install_stand_in('support-core-api', [core], STAND_IN_GROUP, 'support-core-api', '1',
                           'Stand-in: the part of support-core API workflow-cps compiles against')


def _durable_task_monitor(build, step, src):
    # The library's binaries are made in Docker; here one Go build for this platform.
    poms.execution_off(src, 'docker-generate-binaries', 'pom.xml')
    out = os.path.join(src, 'target', 'classes', 'io', 'jenkins', 'plugins', 'lib-durable-task',
                       'durable_task_monitor_linux_64')
    build.go_build('durable_task_monitor', os.path.join(src, 'src', 'cmd', 'bash'), out, GOOS='linux', GOARCH='amd64')


def _lib(repo, tag, **kw):
    return Step(repo.split('+')[1], repo, tag, **kw)


JAVA_1_2 = lambda src: poms.java_level(src, '1.2')
JAVA_1_5 = lambda src: poms.java_level(src, '1.5')
NO_TEST_FIXTURE_COPY = lambda src: poms.phase_off(src, 'process-test-classes')

# Jenkins core and war, and the libraries only they need (Maven Central lacks these versions).
WAR_CHAIN = [
    _lib('jenkinsci+lib-annotation-indexer', 'annotation-indexer-1.18'),
    _lib('jenkinsci+lib-access-modifier', 'access-modifier-1.35'),
    _lib('jenkinsci+lib-symbol-annotation', 'symbol-annotation-1.25', patch=_symbol_annotation),
    _lib('jenkinsci+lib-test-annotations', 'test-annotations-1.5'),
    _lib('jenkinsci+lib-version-number', 'version-number-1.12'),
    _lib('jenkinsci+lib-task-reactor', 'task-reactor-1.9'),
    _lib('jenkinsci+lib-crypto-util', 'crypto-util-1.11'),
    _lib('jenkinsci+extras-memory-monitor', 'memory-monitor-1.13'),
    _lib('jenkinsci+jexl', '1.1-jenkins-20111212', patch=JAVA_1_2),
    _lib('jenkinsci+core-annotation-processors', '13.v2dcfc22a_a_b_29'),
    _lib('jenkinsci+winp', 'winp-1.31'),
    _lib('kohsuke+tiger-types', 'tiger-types-2.2', patch=JAVA_1_5),
    _lib('jenkinsci+jellydoc-maven-plugin', '226.v2eddb_617a_307'),
    _lib('jenkinsci+jelly', 'commons-jelly-1.1-jenkins-20250731'),
    _lib('jenkinsci+json-lib', 'json-lib-2.4-jenkins-15'),
    _lib('jenkinsci+lib-support-log-formatter', '118.v18c3eb_f88f07'),
    _lib('jenkinsci+stapler', '2050.v425108fd5089'),
    _lib('jenkinsci+remoting', '3352.v17a_fb_4b_2773f', patch=NO_TEST_FIXTURE_COPY),
    _lib('jenkinsci+winstone', '8.1029.vd3071f6b_5988', patch=NO_TEST_FIXTURE_COPY),
    _lib('jenkinsci+stapler-maven-plugin', '264.vb_f59b_4f9c62d'),
    _lib('jenkinsci+license-maven-plugin', '184.v19c87b_6b_a_9a_c'),
    _lib('jenkinsci+maven-hpi-plugin', '3.1773.v3646231d4c22'),
    Step('jenkins', 'jenkinsci+jenkins', 'jenkins-' + JENKINS, kind='jenkins', patch=_war, prepare=_jenkins_js,
         keep_test_deps=('war/pom.xml',),  # the war reads winstone's version from them
         args=['-pl', 'bom,websocket/spi,websocket/jetty12-ee9,cli,core,war',
               '-Dskip.installnodecorepack', '-Dskip.corepack', '-Dskip.npm', '-Dskip.yarn']),
]

# The plugin POM, its build plugins and the test harness.
TOOLCHAIN = [
    _lib('jenkinsci+jenkins-enforcer-rules', '43.vdc91a_c85f434'),
    _lib('jenkinsci+license-maven-plugin', '210.v568d0b_a_2b_e44'),
    _lib('jenkinsci+stapler-maven-plugin', '278.vc90e156a_c20e'),
    _lib('jenkinsci+maven-hpi-plugin', HPI_PLUGIN, patch=_hpi_3_1814),
    _lib('jenkinsci+lib-support-log-formatter', '123.v72513b_f61500'),
    _lib('jenkinsci+jenkins-test-harness-htmlunit', HARNESS_HTMLUNIT),
    _lib('jenkinsci+lib-test-annotations', '127.v2f87da_3ce079'),
    _lib('jenkinsci+jenkins-test-harness', '2578.v44660312fd37', patch=_harness,
         args=[f'-Djenkins.version={JENKINS}', f'-Dhpi-plugin.version={HPI_PLUGIN}']),
    # its test dependencies are what JenkinsRule tests get: kept
    _lib('jenkinsci+plugin-pom', PLUGIN_POM, strip_tests=False,
         args=[f'-Dhpi-plugin.version={HPI_PLUGIN}', f'-Djenkins.version={JENKINS}']),
]


def _plugin(name, tag, repo=None, **kw):
    return Step(name, 'jenkinsci+' + (repo or name + '-plugin'), tag, kind='plugin', **kw)


CASC = r'io\.jenkins\.plugins\.casc'
# Every plugin the GitOps Sync plugin and its tests need, in an order that builds in one pass.
PLUGINS = [
    _plugin('structs', '362.va_b_695ef4fdf9'),
    _plugin('commons-lang3-api', '3.20.0-109.ve43756e2d2b_4'),
    _plugin('asm-api', '9.9.1-189.vb_5ef2964da_91'),
    _plugin('caffeine-api', '3.2.3-194.v31a_b_f7a_b_5a_81'),
    _plugin('gson-api', '2.13.2-173.va_a_092315913c'),
    _plugin('snakeyaml-api', '2.5-143.v93b_c004f89de'),
    _plugin('ionicons-api', '94.vcc3065403257'),
    _plugin('commons-text-api', '1.15.0-218.va_61573470393'),
    _plugin('bouncycastle-api', '2.30.1.84-291.v9f17b_21896e2'),
    _plugin('variant', '70.va_d9f17f859e0'),
    _plugin('display-url-api', '2.217.va_6b_de84cc74b_'),
    _plugin('jakarta-activation-api', 'jakarta-activation-api-2.1.4-1'),
    _plugin('jakarta-mail-api', 'jakarta-mail-api-2.1.5-1'),
    _plugin('javax-activation-api', 'javax-activation-api-1.2.0-8'),
    _plugin('jakarta-xml-bind-api', '4.0.6-12.vb_1833c1231d3'),
    _plugin('jaxb', '2.3.9-143.v5979df3304e6'),
    _plugin('json-api', '20251224-185.v0cc18490c62c'),
    _plugin('jackson-annotations2-api', '2.21-7.v4777a_f3a_a_d47', patch=_jackson_annotations),
    # woodstox-core-api is not in the snapshot; jackson2-api only offers it to XML users
    _plugin('jackson2-api', '2.22.0-439.vb_b_43658d6176', drop=('woodstox-core-api',)),
    _plugin('okhttp-api', '5.3.2-200.vedb_720a_cf1f8'),
    _plugin('instance-identity', '203.v15e81a_1b_7a_38'),
    _plugin('mailer', '534.v1b_36f5864073'),
    _plugin('apache-httpcomponents-client-4-api', '4.5.14-269.vfa_2321039a_83'),
    _plugin('eddsa-api', '0.3.0.1-19.vc432d923e5ee'),
    _plugin('scm-api', '728.vc30dcf7a_0df5'),
    _plugin('groovy-sandbox', 'groovy-sandbox-1.34', repo='groovy-sandbox'),
    _plugin('script-security', '1402.1405.vc96e74964250'),
    _plugin('credentials', '1502.v5c95e620ddfe', drop=('configuration-as-code',), drop_sources=CASC),
    _plugin('plain-credentials', '199.v9f8e1f741799'),
    _plugin('ssh-credentials', '361.vb_f6760818e8c', drop=('trilead-api',), drop_sources=r'com\.trilead'),
    _plugin('mina-sshd-api', '2.17.1-187.v0341274c2905'),
    _plugin('git-client', 'git-client-6.6.1', patch=_git_client, drop=('configuration-as-code',),
            drop_sources=CASC),
    _plugin('kubernetes-client-api', '7.3.1-256.v788a_0b_787114'),
    _plugin('workflow-step-api', '710.v3e456cc85233'),
    _plugin('workflow-api', '1413.v2ff1a_5e720fa_'),
    _plugin('workflow-support', '1015.v785e5a_b_b_8b_22'),
    _plugin('workflow-scm-step', '466.va_d69e602552b_'),
    _plugin('lib-durable-task', '79.v132950154068', repo='lib-durable-task', prepare=_durable_task_monitor),
    _plugin('durable-task', '686.v80ff80875b_82'),
    _plugin('workflow-durable-task-step', '1479.v56e587f413a_7'),
    _plugin('workflow-job', '1571.1580.v18e46842c125'),
    _plugin('workflow-cps', '4350.vcc65d4958821', patch=_workflow_cps, drop=('support-core',), prepare=_workflow_cps_js,
            args=['-Dskip.installnodecorepack', '-Dskip.corepack', '-Dskip.npm', '-Dskip.yarn']),
    _plugin('workflow-basic-steps', '1098.v808b_fd7f8cf4'),
]

STEPS = WAR_CHAIN + TOOLCHAIN + PLUGINS
