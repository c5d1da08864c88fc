using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using NetVips;
using SkiaSharp;

BenchmarkRunner.Run<CchcPortal.Benchmarks.Images.Webp640Benchmarks>(args: args);

namespace CchcPortal.Benchmarks.Images
{
    /// <summary>
    /// The job of an image variant (issue 8): the 640 px wide WebP (quality 80) of a 12-megapixel camera-sized JPEG,
    /// read from disk. NetVips as ImageVariants does it (thumbnail: shrink-on-load, then Lanczos3) against SkiaSharp
    /// doing the same (SKCodec decodes at a reduced scale, then a Mitchell cubic resize, then the WebP encoder).
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
    public class Webp640Benchmarks
    {
        private const int Width = 640;
        private string _jpeg = "";

        [GlobalSetup]
        public void Setup()
        {
            _jpeg = Path.Combine(Path.GetTempPath(), "cchc-bench-4000x3000-v2.jpg");
            if (!File.Exists(_jpeg)) TestPhoto.Write(_jpeg);
            // Printed once, so the results can be read with the sizes of what each library produced.
            Console.WriteLine($"// source {new FileInfo(_jpeg).Length / 1024} KB; NetVips WebP {NetVipsThumbnail().Length / 1024} KB; SkiaSharp WebP {SkiaSharpSampled().Length / 1024} KB");
        }

        [Benchmark(Baseline = true)]
        public byte[] NetVipsThumbnail()
        {
            using var image = NetVips.Image.Thumbnail(_jpeg, Width, height: 100_000, size: Enums.Size.Down);
            return image.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None);
        }

        [Benchmark]
        public byte[] SkiaSharpSampled()
        {
            using var codec = SKCodec.Create(_jpeg) ?? throw new InvalidOperationException("not an image");
            var size = ScaledSize(codec);
            var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var decoded = new SKBitmap(info);
            var result = codec.GetPixels(info, decoded.GetPixels());
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) throw new InvalidOperationException(result.ToString());
            var height = (int)Math.Round((double)codec.Info.Height * Width / codec.Info.Width);
            using var resized = decoded.Resize(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
                                ?? throw new InvalidOperationException("resize failed");
            using var image = SKImage.FromBitmap(resized);
            using var data = image.Encode(SKEncodedImageFormat.Webp, 80);
            return data.ToArray();
        }

        /// <summary>The smallest scale the JPEG decoder offers (n/8) that is still at least the target width: never upscale.</summary>
        private static SKSizeI ScaledSize(SKCodec codec)
        {
            for (var eighths = 1; eighths < 8; eighths++)
            {
                var size = codec.GetScaledDimensions(eighths / 8f);
                if (size.Width >= Width) return size;
            }
            return codec.Info.Size;
        }
    }

    /// <summary>
    /// A deterministic 4000x3000 "photo": colour gradients plus seeded noise at three scales (fine grain, detail the
    /// size of leaves, blotches the size of objects), so both the original (megabytes) and the 640 px variant
    /// (tens of KB) compress roughly like a real photo, not like a flat test card.
    /// </summary>
    internal static class TestPhoto
    {
        public static void Write(string path)
        {
            const int w = 4000, h = 3000;
            using var xy = NetVips.Image.Xyz(w, h);
            using var x = xy[0];
            using var y = xy[1];
            using var r = x * (255.0 / w);
            using var g = y * (255.0 / h);
            using var b = (x + y) * (127.0 / (w + h)) + 64;
            using var grain = NetVips.Image.Gaussnoise(w, h, sigma: 8, mean: 0, seed: 8);
            using var detail = NetVips.Image.Gaussnoise(w / 8, h / 8, sigma: 30, mean: 0, seed: 9).Resize(8, kernel: Enums.Kernel.Linear);
            using var blotches = NetVips.Image.Gaussnoise(w / 64, h / 64, sigma: 45, mean: 0, seed: 10).Resize(64, kernel: Enums.Kernel.Cubic);
            using var noise = grain + detail + blotches;
            using var rgb = (r + noise).Bandjoin(g + noise, b - noise);
            using var photo = rgb.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
            photo.Jpegsave(path, q: 88);
        }
    }
}
