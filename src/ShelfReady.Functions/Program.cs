using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ShelfReady.Functions.Composition;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddShelfReadyFunctions(builder.Configuration);
await builder.Build().RunAsync().ConfigureAwait(false);
