using System.Diagnostics;

namespace Ticketing.Server.Tests;

public sealed class DeploymentKitTests
{
    /// <summary>
    /// The Dockerfile, compose file, nginx config and Kubernetes manifests are validated against
    /// their schemas (no container engine or cluster needed), so a broken manifest fails the suite.
    /// </summary>
    [Fact]
    public async Task ValidateDeploy_repositoryKit_passes()
    {
        var start = new ProcessStartInfo("bash", [".ci/validate-deploy.sh"])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"{await output}\n{await errors}");
        Assert.Contains("validate-deploy: PASS", await output);
    }
}
