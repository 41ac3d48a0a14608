using System.CommandLine;

namespace ShelfReady.Host.Cli;

/// <summary>The <c>shelfready</c> command line: one subcommand per job a person runs.</summary>
public static class ShelfReadyCli
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Create()
    {
        return new RootCommand("ShelfReady turns product photos into marketplace-ready images.")
        {
            DemoCommand.Create(),
            ProcessCommand.Create(),
            ServeCommand.Create(),
        };
    }
}
