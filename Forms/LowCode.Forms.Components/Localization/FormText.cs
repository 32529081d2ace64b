namespace LowCode.Forms.Components.Localization;

/// <summary>
/// The renderer's own UI text (buttons, hints, upload messages), read through
/// <c>IStringLocalizer&lt;FormText&gt;</c> from <c>Resources/Localization/FormText*.resx</c>: English, and
/// Chinese for zh-CN (the file is zh-Hans, the parent of zh-CN, zh-SG and zh-Hans), English otherwise.
/// The validator's messages are not translated here. Each constant is a resource name.
/// </summary>
public sealed class FormText
{
    public const string Submit = nameof(Submit);
    public const string Submitting = nameof(Submitting);
    public const string Required = nameof(Required);
    public const string ErrorSummaryTitle = nameof(ErrorSummaryTitle);
    public const string NoFields = nameof(NoFields);
    public const string FieldWithoutKey = nameof(FieldWithoutKey);
    public const string SelectPlaceholder = nameof(SelectPlaceholder);
    public const string NoOptions = nameof(NoOptions);
    public const string AddRow = nameof(AddRow);
    public const string AddRowTo = nameof(AddRowTo);
    public const string Remove = nameof(Remove);
    public const string RemoveRow = nameof(RemoveRow);
    public const string RowHeader = nameof(RowHeader);
    public const string CellLabel = nameof(CellLabel);
    public const string Actions = nameof(Actions);
    public const string NoRows = nameof(NoRows);
    public const string MaxRowsReached = nameof(MaxRowsReached);
    public const string NestedGroup = nameof(NestedGroup);
    public const string SearchPlaceholder = nameof(SearchPlaceholder);
    public const string SearchResults = nameof(SearchResults);
    public const string ResultCount = nameof(ResultCount);
    public const string NoMatches = nameof(NoMatches);
    public const string LookupFailed = nameof(LookupFailed);
    public const string Clear = nameof(Clear);
    public const string ClearValue = nameof(ClearValue);
    public const string Uploading = nameof(Uploading);
    public const string UploadsUnavailable = nameof(UploadsUnavailable);
    public const string FileTooLarge = nameof(FileTooLarge);
    public const string FileTypeNotAllowed = nameof(FileTypeNotAllowed);
    public const string TooManyFiles = nameof(TooManyFiles);
    public const string UploadFailed = nameof(UploadFailed);
    public const string RemoveFile = nameof(RemoveFile);
    public const string MaxFileSize = nameof(MaxFileSize);
    public const string AllowedTypes = nameof(AllowedTypes);
    public const string MaxFiles = nameof(MaxFiles);
    public const string RichToolbar = nameof(RichToolbar);
    public const string Bold = nameof(Bold);
    public const string Italic = nameof(Italic);
    public const string BulletedList = nameof(BulletedList);
    public const string NumberedList = nameof(NumberedList);
    public const string Link = nameof(Link);
}
