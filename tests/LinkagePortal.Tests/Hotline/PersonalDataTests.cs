using LinkagePortal.Hotline;
using LinkagePortal.Keys;

namespace LinkagePortal.Tests.Hotline;

/// <summary>A summary may describe the problem with a project, never identify the caller.</summary>
public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("来电人身份证号654202199001011234，反映路面开裂", "身份证")]
    [InlineData("证件 65420219900101123X", "身份证")]
    [InlineData("证件 6542 0219 9001 0112 3x", "身份证")]
    [InlineData("回电13912345678", "手机")]
    [InlineData("回电 139-1234-5678", "手机")]
    [InlineData("回电１３９１２３４５６７８", "手机")]
    [InlineData("家里电话0992-8520186", "固定电话")]
    [InlineData("家里电话 09928520186", "固定电话")]
    [InlineData("家里电话 010-12345678", "固定电话")]
    public void Numbers_that_identify_a_caller_are_refused_with_what_they_look_like(string summary, string kind)
    {
        Assert.Contains(kind, PersonalData.Problem(summary));
    }

    /// <summary>The common written forms of a mobile, a landline with its area code and an ID-card number.</summary>
    public static TheoryData<string, string> WrittenForms => new()
    {
        { "回电13912345678", "手机" },
        { "回电 139 1234 5678", "手机" },
        { "回电 139-1234-5678", "手机" },
        { "回电 139.1234.5678", "手机" },
        { "回电 139/1234/5678", "手机" },
        { "回电 (139)12345678", "手机" },
        { "回电 +8613912345678", "手机" },
        { "回电 +86 139 1234 5678", "手机" },
        { "回电 +86-139-1234-5678", "手机" },
        { "回电 0086 13912345678", "手机" },
        { "回电 86-13912345678", "手机" },
        { "回电 (+86)13912345678", "手机" },
        { "回电１３９１２３４５６７８", "手机" },
        { "回电１３９－１２３４－５６７８", "手机" },
        { "回电 139​1234​5678", "手机" },
        { "回电 139⁠1234‍5678", "手机" },
        { "回电 139 1234 5678", "手机" },
        { "回电 139　1234　5678", "手机" },
        { "回电一三九一二三四五六七八", "手机" },
        { "回电幺三九 幺二三四 五六七八", "手机" },
        { "回电壹叁玖壹贰叁肆伍陆柒捌", "手机" },
        { "回电 139—1234—5678", "手机" },
        { "回电 139·1234·5678", "手机" },
        { "回电【139】12345678", "手机" },
        { "回电 1 3 9 1 2 3 4 5 6 7 8", "手机" },
        { "回电 139_1234_5678", "手机" },
        { "家里电话0992-8520186", "固定电话" },
        { "家里电话(0992)8520186", "固定电话" },
        { "家里电话（0992）8520186", "固定电话" },
        { "家里电话 0992 852 0186", "固定电话" },
        { "家里电话 010-12345678", "固定电话" },
        { "家里电话 (010) 1234 5678", "固定电话" },
        { "家里电话０９９２－８５２０１８６", "固定电话" },
        { "家里电话〇九九二八五二〇一八六", "固定电话" },
        { "家里电话 0992/8520186", "固定电话" },
        { "家里电话 021.6123.4567", "固定电话" },
        { "身份证654202199001011234", "身份证" },
        { "身份证65420219900101123X", "身份证" },
        { "身份证65420219900101123x", "身份证" },
        { "身份证 654202 19900101 1234", "身份证" },
        { "身份证 654202-1990-0101-123X", "身份证" },
        { "身份证６５４２０２１９９００１０１１２３Ｘ", "身份证" },
        { "身份证654202​199001011234", "身份证" },
        { "身份证六五四二〇二一九九〇〇一〇一一二三四", "身份证" },
        { "身份证 6542 0219 9001 0112 34", "身份证" },
    };

    [Theory]
    [MemberData(nameof(WrittenForms))]
    public void Every_common_written_form_is_refused(string summary, string kind)
    {
        Assert.Contains(kind, PersonalData.Problem(summary));
    }

    [Fact]
    public void At_least_41_written_forms_are_tested()
    {
        Assert.True(WrittenForms.Count >= 41);
    }

    [Theory]
    [InlineData("二〇二四年三月一日来电，涉及一二组共十三户")]
    [InlineData("村民反映科克萨拉村道路路面开裂，施工单位未按期修复")]
    [InlineData("项目 654202-2024-010 金额 380 万元，2024年3月1日开工")]
    [InlineData("2024-03-01 10:15 来电，涉及 13 户 52 人")]
    [InlineData("合同价 1,380,000 元，已付 12345678 元")]
    public void Facts_about_a_project_pass(string summary)
    {
        Assert.Null(PersonalData.Problem(summary));
    }
}
