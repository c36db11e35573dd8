using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace InterfaceFirmware.GateFixtures.Violations
{
    public sealed class UsesGenericList
    {
        public int Count()
        {
            var list = new List<int>();
            list.Add(1);
            return list.Count;
        }
    }

    public sealed class UsesLinq
    {
        public int Total(int[] values)
        {
            return values.Sum();
        }
    }

    public sealed class UsesAsync
    {
        public async Task Run()
        {
            await Task.Yield();
        }
    }

    public sealed class UsesTuple
    {
        public (int Low, int High) Range()
        {
            return (1, 2);
        }
    }

    public sealed class UsesLongMax
    {
        public long Larger(long a, long b)
        {
            return System.Math.Max(a, b);
        }
    }

    public sealed class UsesIntClamp
    {
        public int Limit(int value)
        {
            return System.Math.Clamp(value, 0, 10);
        }
    }

    public sealed class UsesGenericMethod
    {
        public T Same<T>(T value)
        {
            return value;
        }
    }

    public sealed class UsesDecimal
    {
        public decimal Half(decimal value)
        {
            return value / 2;
        }
    }

    public sealed class UsesMatrix
    {
        public int[,] Grid()
        {
            return new int[2, 2];
        }
    }

    public sealed class UsesIterator
    {
        public IEnumerable Items()
        {
            yield return 1;
        }
    }

    public sealed class UsesStringReplace
    {
        public string Clean(string text)
        {
            return text.Replace("a", "b");
        }
    }

    public sealed class UsesFormatWithOneArgument
    {
        public string Show(int value)
        {
            return string.Format("{0}", value);
        }
    }
}
