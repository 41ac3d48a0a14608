using ShelfReady.Host.Cli;

return await ShelfReadyCli.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
