// Run by the test Jenkins at start (JENKINS_HOME/init.groovy.d): one agent, the test cluster's credential,
// and the example jobs, syncing examples/shop and examples/helm's chart (from a repository served by git
// daemon) into the namespace of this Jenkins' own, where their ApplySets live too. Written for
// test-jenkins/jenkins up; the values come from its environment.
import com.cloudbees.plugins.credentials.CredentialsScope
import com.cloudbees.plugins.credentials.SecretBytes
import com.cloudbees.plugins.credentials.SystemCredentialsProvider
import com.cloudbees.plugins.credentials.domains.Domain
import hudson.model.FreeStyleProject
import hudson.model.labels.LabelAtom
import hudson.slaves.DumbSlave
import hudson.slaves.JNLPLauncher
import hudson.slaves.RetentionStrategy
import io.jenkins.plugins.gitopssync.freestyle.GitOpsSyncBuilder
import io.jenkins.plugins.gitopssync.trigger.GitOpsTrigger
import jenkins.model.Jenkins
import jenkins.slaves.JnlpAgentReceiver
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition
import org.jenkinsci.plugins.workflow.job.WorkflowJob

def env = System.getenv()
def state = env['GITOPS_TEST_JENKINS_DIR']
def repo = env['GITOPS_TEST_REPO_URL']
def agentName = env['GITOPS_TEST_AGENT']
// this Jenkins' own namespace (made by test-jenkins/jenkins up): every job's ApplySet and objects are in it, the
// shop moved there by the Kustomization of the repository
def example = env['GITOPS_TEST_EXAMPLE_NAMESPACE']
def j = Jenkins.get()
// absolute links in build logs and on pages
jenkins.model.JenkinsLocationConfiguration.get().setUrl(env['GITOPS_TEST_JENKINS_URL'])

// builds run on the agent: the cluster is reached from there, as in production
j.setNumExecutors(0)
def launcher = new JNLPLauncher()
launcher.setWebSocket(true)
def agent = new DumbSlave(agentName, "${state}/agent", launcher)
agent.setNumExecutors(2)
agent.setLabelString('gitops')
agent.setRetentionStrategy(new RetentionStrategy.Always())
j.addNode(agent)
new File("${state}/agent-secret").text = JnlpAgentReceiver.SLAVE_SECRET.mac(agentName)

SystemCredentialsProvider.getInstance().getStore().addCredentials(Domain.global(),
        new FileCredentialsImpl(CredentialsScope.GLOBAL, 'test-cluster-kubeconfig', 'Kubeconfig of the test cluster',
                'kubeconfig', SecretBytes.fromRawBytes(new File("${state}/kubeconfig").bytes)))

// the same desired state for both jobs, in one ApplySet: both converge to it, one at a time (the lease)
def pipeline = j.createProject(WorkflowJob, 'shop-pipeline')
pipeline.setDescription("Syncs examples/shop into namespace ${example} of the test cluster with the gitopsSync step.")
pipeline.setDefinition(new CpsFlowDefinition("""node('gitops') {
  def r = gitopsSync(url: '${repo}', path: 'examples/shop', namespace: '${example}', applySet: 'shop',
                     kubeconfigCredentialsId: 'test-cluster-kubeconfig', prune: true, wait: true, timeout: '3m')
  echo "synced \${r.revision}: \${r.created} created, \${r.configured} configured, \${r.drifted} drifted"
}""", true))
def trigger = new GitOpsTrigger('H/5 * * * *')
trigger.setUrl(repo)
trigger.setPath('examples/shop')
trigger.setNamespace(example)
trigger.setApplySet('shop')
trigger.setKubeconfigCredentialsId('test-cluster-kubeconfig')
trigger.setCheckDrift(true)
pipeline.addTrigger(trigger)
pipeline.save()

// the project's own chart with a values file, rendered with helm on the agent: its objects and ApplySet are its own
def chart = j.createProject(WorkflowJob, 'storefront-helm')
chart.setDescription("Renders the chart examples/helm/storefront with helm and the staging values, and syncs it"
        + " into namespace ${example}.")
chart.setDefinition(new CpsFlowDefinition("""node('gitops') {
  def r = gitopsSync(url: '${repo}', path: 'examples/helm/storefront', namespace: '${example}', applySet: 'storefront-helm',
                     releaseName: 'helm-example', valuesFiles: 'examples/helm/environments/staging.yaml',
                     kubeconfigCredentialsId: 'test-cluster-kubeconfig', prune: true, wait: true, timeout: '3m')
  echo "synced \${r.revision}: \${r.created} created, \${r.configured} configured"
}""", true))
chart.save()

def freestyle = j.createProject(FreeStyleProject, 'shop-freestyle')
freestyle.setDescription("Syncs examples/shop into namespace ${example} of the test cluster with the GitOps build step.")
freestyle.setAssignedLabel(new LabelAtom('gitops'))
def step = new GitOpsSyncBuilder(repo)
step.setPath('examples/shop')
step.setNamespace(example)
step.setApplySet('shop')
step.setKubeconfigCredentialsId('test-cluster-kubeconfig')
step.setPrune(true)
step.setTimeout('3m')
freestyle.getBuildersList().add(step)
freestyle.save()
j.save()
