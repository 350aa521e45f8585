using System.Globalization;
using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

public sealed class PythonTextTests
{
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(2.0 / 3, "0.6666666666666666")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(0.000123, "0.000123")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.2345e16, "1.2345e+16")]
    [InlineData(1e100, "1e+100")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    public void Repr_prints_floats_as_python_does(double value, string expected)
    {
        Assert.Equal(expected, PythonText.Repr(value));
    }

    [Theory]
    [InlineData("  a b \u3000", "a b")]
    [InlineData("\x1c\x1f a \x85\u00a0", "a")]
    [InlineData("\ufeff---", "\ufeff---")]
    [InlineData("\u200b", "\u200b")]
    public void Strip_removes_what_python_calls_white_space(string text, string expected)
    {
        Assert.Equal(expected, PythonText.Strip(text));
    }

    [PythonFact]
    public void Repr_agrees_with_python_on_random_doubles()
    {
        var random = new Random(20260101);
        var values = new List<double> { 5e-324, double.MaxValue, 9007199254740993, 0.1 + 0.2, 1e22, 1e-4, 9.999999999999999e15 };
        for (int i = 0; i < 500; i++)
        {
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x7FF0000000000000)));
            values.Add(random.NextDouble() * Math.Pow(10, random.Next(-8, 20)));
        }

        string input = string.Join('\n', values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString(CultureInfo.InvariantCulture)));
        string python = PythonProcess.Run(
            ["-c", "import sys, struct\nfor l in sys.stdin.read().split():\n    print(repr(struct.unpack('<d', struct.pack('<q', int(l)))[0]))"],
            input);

        Assert.Equal(python.Split('\n', StringSplitOptions.RemoveEmptyEntries), values.Select(PythonText.Repr));
    }
}
