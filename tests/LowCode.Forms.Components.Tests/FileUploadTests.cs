using System.Collections.Immutable;
using System.Text;
using Microsoft.AspNetCore.Components.Forms;

namespace LowCode.Forms.Components.Tests;

/// <summary>File fields upload through the plugged-in uploader and refuse files their limits forbid before any upload.</summary>
public sealed class FileUploadTests : FormTest
{
    private readonly FakeUploader _uploader = new();

    private IRenderedComponent<GeneratedForm> RenderExpense(Action<ComponentParameterCollectionBuilder<GeneratedForm>>? more = null) =>
        RenderForm(Schemas.Expense(), p =>
        {
            p.Add(f => f.Uploader, _uploader);
            more?.Invoke(p);
        });

    private static void Upload(IRenderedComponent<GeneratedForm> form, params InputFileContent[] files) =>
        form.FindComponent<InputFile>().UploadFiles(files);

    private static InputFileContent Pdf(string name, int size) => InputFileContent.CreateFromBinary(new byte[size], name, contentType: "application/pdf");

    [Fact]
    public void An_uploaded_file_is_stored_as_an_attachment_reference_and_listed()
    {
        ImmutableDictionary<string, object?>? value = null;
        var form = RenderExpense(p => p.Add(f => f.ValueChanged, v => value = v));

        Upload(form, InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("%PDF-1.7"), "taxi.pdf", contentType: "application/pdf"));

        form.WaitForAssertion(() => Assert.Contains("taxi.pdf", FieldAt(form, "Receipts").TextContent));
        var (name, contentType, size, bytes) = Assert.Single(_uploader.Uploads);
        Assert.Equal(("taxi.pdf", "application/pdf", 8L), (name, contentType, size));
        Assert.Equal("%PDF-1.7", Encoding.UTF8.GetString(bytes));
        var stored = Assert.Single((ImmutableArray<object?>)value!["Receipts"]!);
        Assert.Equal(new Attachments.FormAttachment("att-1", "taxi.pdf", 8, "application/pdf"), Attachments.FormAttachment.FromValue(stored));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_upload_with_a_clear_message()
    {
        var form = RenderExpense();

        Upload(form, Pdf("scan.pdf", 2_000));

        form.WaitForAssertion(() => Assert.Contains("\"scan.pdf\" is too large: the limit is 1000 B per file.",
            FieldAt(form, "Receipts").QuerySelector("[data-refusal]")!.TextContent));
        Assert.Empty(_uploader.Uploads);
        Assert.Empty(FieldAt(form, "Receipts").QuerySelectorAll(".gf-file"));
    }

    [Fact]
    public void Files_of_a_type_not_allowed_or_beyond_the_count_are_refused_and_the_rest_uploaded()
    {
        var form = RenderExpense();

        Upload(form, Pdf("a.pdf", 10), InputFileContent.CreateFromText("x", "notes.txt", contentType: "text/plain"),
            InputFileContent.CreateFromBinary(new byte[20], "photo.png", contentType: "image/png"), Pdf("c.pdf", 10));

        form.WaitForAssertion(() => Assert.Equal(2, _uploader.Uploads.Count));
        Assert.Equal(["a.pdf", "photo.png"], _uploader.Uploads.Select(u => u.Name));
        var refusals = FieldAt(form, "Receipts").QuerySelectorAll("[data-refusal]").Select(e => e.TextContent).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains("\"notes.txt\" is not an allowed file type", refusals[0]);
        Assert.Contains("\"c.pdf\" was not added: at most 2 file(s)", refusals[1]);
    }

    [Fact]
    public void An_uploaded_file_can_be_removed_again()
    {
        var form = RenderExpense();
        Upload(form, Pdf("a.pdf", 10));
        form.WaitForAssertion(() => Assert.Single(FieldAt(form, "Receipts").QuerySelectorAll(".gf-file")));

        Assert.Equal("Remove a.pdf", form.Find("li.gf-file button").GetAttribute("aria-label"));

        form.Find("li.gf-file button").Click();

        Assert.Empty(FieldAt(form, "Receipts").QuerySelectorAll(".gf-file"));
    }

    [Fact]
    public void A_failing_uploader_leaves_the_field_as_it_was_and_says_so()
    {
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.Uploader, new FailingUploader()));

        Upload(form, Pdf("a.pdf", 10));

        form.WaitForAssertion(() => Assert.Contains("\"a.pdf\" could not be uploaded.", FieldAt(form, "Receipts").TextContent));
        Assert.Empty(FieldAt(form, "Receipts").QuerySelectorAll(".gf-file"));
    }

    [Fact]
    public void Without_an_uploader_the_file_input_is_disabled_and_explains_why()
    {
        var form = RenderForm(Schemas.Expense());

        Assert.True(InputAt(form, "Receipts").HasAttribute("disabled"));
        Assert.Contains("File uploads are not available here.", FieldAt(form, "Receipts").TextContent);
    }

    private sealed class FailingUploader : Attachments.IFormAttachmentUploader
    {
        public Task<Attachments.FormAttachment> UploadAsync(Stream content, string name, string contentType, long size, CancellationToken cancellationToken) =>
            throw new IOException("storage is down");
    }
}
