namespace ShelfReady.Inference.Tests;

public sealed class InferenceOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new InferenceOptions();

        options.Validate();

        Assert.Equal(["CPU"], options.PreferredProviders);
        Assert.Equal(8, options.MaxBatch);
    }

    [Theory]
    [InlineData("ExecutionProviders")]
    [InlineData("MaxBatch")]
    [InlineData("InterOpThreads")]
    [InlineData("ModelsDirectory")]
    [InlineData("DeviceId")]
    public void Validate_InvalidSetting_ThrowsNamingIt(string setting)
    {
        var options = new InferenceOptions();
        switch (setting)
        {
            case "ExecutionProviders": options.ExecutionProviders = ["CUDA", "DirectML"]; break;
            case "MaxBatch": options.MaxBatch = 0; break;
            case "InterOpThreads": options.InterOpThreads = -1; break;
            case "ModelsDirectory": options.ModelsDirectory = " "; break;
            default: options.DeviceId = -2; break;
        }

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownProvider_ListsKnownOnes()
    {
        var options = new InferenceOptions { ExecutionProviders = ["DirectML"] };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("TensorRT, CUDA, CPU", error.Message, StringComparison.Ordinal);
    }
}
