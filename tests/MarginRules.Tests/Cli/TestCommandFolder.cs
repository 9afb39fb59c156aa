namespace MarginRules.Tests.Cli;

/// <summary>A temporary folder holding a copy of the Reg T example policy and whatever test files a test writes.</summary>
internal sealed class TestCommandFolder : IDisposable
{
    public TestCommandFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "marginrules-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        System.IO.File.Copy(TestData.ExamplePath("policies", "regt-finra-4210.margin"), File("regt.margin"));
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        System.IO.File.WriteAllText(File(name), text.ReplaceLineEndings("\n"));
        return File(name);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
