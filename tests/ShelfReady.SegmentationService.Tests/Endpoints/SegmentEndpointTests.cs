using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NetVips;
using ShelfReady.Imaging.Loading;
using ShelfReady.Inference;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Segmentation;
using ShelfReady.SegmentationService.Tests.Infrastructure;

namespace ShelfReady.SegmentationService.Tests.Endpoints;

/// <summary><c>POST /v1/segment</c> over a real loopback connection.</summary>
[Collection(ServiceCollectionDefinition.Name)]
public sealed class SegmentEndpointTests(ServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Segment_ConcurrentRequests_RunInFewerBatches()
    {
        const int requests = 8;
        using var client = fixture.Host.Client();
        var bodies = Enumerable.Range(0, requests).Select(i => TestImages.Jpeg(480, 360, 100 + i)).ToList();

        var responses = await Task.WhenAll(bodies.Select(body => PostAsync(client, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var batches = responses.Select(r => (Id: Header(r, "X-Batch-Id"), Size: int.Parse(Header(r, "X-Batch-Size"), CultureInfo.InvariantCulture))).ToList();
        var distinct = batches.Select(b => b.Id).Distinct().Count();
        Assert.True(distinct < requests, $"{requests} concurrent requests ran in {distinct} batches.");
        Assert.All(batches.GroupBy(b => b.Id), group => Assert.Equal(group.Count(), group.First().Size));
        DisposeAll(responses);
    }

    [Theory]
    [InlineData("job-7f3a2c", "job-7f3a2c")]
    [InlineData("forged\u0001line", null)]
    public async Task Segment_CallerRequestId_IsEchoedOnlyWhenPlain(string sent, string? echoed)
    {
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/segment", UriKind.Relative)) { Content = Content(TestImages.Png(200, 150, 3), "image/png") };
        request.Headers.TryAddWithoutValidation("X-Request-Id", sent);

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = Header(response, "X-Request-Id");
        if (echoed is null)
        {
            Assert.NotEqual(sent, served);
        }
        else
        {
            Assert.Equal(echoed, served);
        }
    }

    [Fact]
    public async Task Segment_Image_MaskHasInputSizeAndEqualsTheModelRunDirectly()
    {
        var body = TestImages.Png(333, 257, 7);
        using var client = fixture.Host.Client();

        using var response = await PostAsync(client, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var served = TestImages.Decode(await response.Content.ReadAsByteArrayAsync(Token));
        using var direct = SegmentDirectly(body, "studio-tiny");
        Assert.Equal((333, 257, 1), (served.Width, served.Height, served.Bands));
        Assert.Equal(direct.Matte.WriteToMemory<byte>(), served.Pixels);
        Assert.Equal("studio-tiny", Header(response, "X-Model"));
        Assert.Equal("CPU", Header(response, "X-Provider"));
        Assert.Equal(direct.Confidence.ToString("0.000", CultureInfo.InvariantCulture), Header(response, "X-Confidence"));
        var box = direct.ForegroundBox;
        Assert.Equal($"{box.Left},{box.Top},{box.Width},{box.Height}", Header(response, "X-Foreground-Box"));
        Assert.Matches(@"^queue;dur=\d+\.\d,inference;dur=\d+\.\d,refine;dur=\d+\.\d,total;dur=\d+\.\d$", Header(response, "Server-Timing"));
    }

    [Fact]
    public async Task Segment_RotatedJpeg_MaskHasTheUprightSize()
    {
        using var client = fixture.Host.Client();

        using var response = await PostAsync(client, TestImages.RotatedJpeg(400, 300, 11), "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mask = TestImages.Decode(await response.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal((300, 400), (mask.Width, mask.Height));
    }

    [Fact]
    public async Task Segment_ModelNamedByQueryOrHeader_UsesThatModel()
    {
        using var client = fixture.Host.Client();
        var body = TestImages.Jpeg(320, 240, 3);

        using var byQuery = await client.PostAsync(new Uri("/v1/segment?model=studio-conv", UriKind.Relative), Content(body, "image/jpeg"), Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/segment") { Content = Content(body, "image/jpeg") };
        request.Headers.Add("X-Model", "studio-conv");
        using var byHeader = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal("studio-conv", Header(byQuery, "X-Model"));
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal("studio-conv", Header(byHeader, "X-Model"));
    }

    [Fact]
    public async Task Segment_UnknownModel_Returns404()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync(new Uri("/v1/segment?model=nope", UriKind.Relative), Content(TestImages.Jpeg(200, 150, 1), "image/jpeg"), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No model 'nope'", await DetailAsync(response));
    }

    [Fact]
    public async Task Segment_CorruptJpeg_Returns400WithTheLoadersReason()
    {
        var jpeg = TestImages.Jpeg(400, 300, 5);
        using var client = fixture.Host.Client();

        using var truncated = await PostAsync(client, jpeg[..(jpeg.Length / 2)], "image/jpeg");
        using var text = await PostAsync(client, "this is not an image"u8.ToArray(), "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("damaged or incomplete", await DetailAsync(truncated));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("not a supported image", await DetailAsync(text));
    }

    [Fact]
    public async Task Segment_BodyOverTheByteCap_Returns413()
    {
        var body = new byte[ServiceFixture.MaxRequestBytes + 1];
        TestImages.Jpeg(200, 150, 2).CopyTo(body, 0);
        using var client = fixture.Host.Client();

        using var response = await PostAsync(client, body, "image/jpeg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("262144-byte limit", await DetailAsync(response));
    }

    [Fact]
    public async Task Segment_ImageOverThePixelCap_Returns413WithReason()
    {
        using var flat = Image.Black(1100, 1000, bands: 3) + 200;
        using var uchar = flat.Cast(Enums.BandFormat.Uchar);
        var png = uchar.PngsaveBuffer(keep: Enums.ForeignKeep.None);
        using var client = fixture.Host.Client();

        using var response = await PostAsync(client, png, "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1.1 MP), over the 1 MP limit", await DetailAsync(response));
    }

    [Fact]
    public async Task Segment_UrlOnTheAllowList_IsFetchedAndSegmented()
    {
        var jpeg = TestImages.Jpeg(360, 270, 21);
        await using var blobs = await BlobServer.StartAsync(new Dictionary<string, byte[]> { ["shot.jpg"] = jpeg }, Token);
        using var client = fixture.Host.Client();
        var allowed = new Uri(blobs.BaseAddress, "/uploads/shot.jpg");
        var otherHost = new UriBuilder(allowed) { Host = "localhost" }.Uri;

        using var fetched = await client.PostAsJsonAsync("/v1/segment", new { url = allowed }, Token);
        using var refused = await client.PostAsJsonAsync("/v1/segment", new { url = otherHost }, Token);
        using var missing = await client.PostAsJsonAsync("/v1/segment", new { url = new Uri(blobs.BaseAddress, "/uploads/none.jpg") }, Token);

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var mask = TestImages.Decode(await fetched.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal((360, 270), (mask.Width, mask.Height));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'localhost' is not in this service's AllowedBlobHosts", await DetailAsync(refused));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("answered 404", await DetailAsync(missing));
    }

    internal static SegmentationMask SegmentDirectly(byte[] file, string modelName)
    {
        var card = ModelCard.LoadAll(Repository.ModelsDirectory).Single(c => c.Name == modelName);
        using var model = OnnxSegmentationModel.Open(card, new InferenceOptions { ModelsDirectory = Repository.ModelsDirectory });
        using var loaded = new ImageLoader(new ImageLoadOptions { MinLongSide = 16 }).Load(file);
        return model.Segment([loaded.Rgb], Token).Single();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string mediaType = "image/png") =>
        await client.PostAsync(new Uri("/v1/segment", UriKind.Relative), Content(body, mediaType), Token);

    private static ByteArrayContent Content(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new InvalidOperationException($"No {name} header.");

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private static void DisposeAll(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
