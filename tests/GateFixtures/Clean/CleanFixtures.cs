using System;
using System.Collections;

namespace InterfaceFirmware.GateFixtures.Clean
{
    public delegate void LevelChanged(int level);

    [Flags]
    public enum Channels
    {
        None = 0,
        Left = 1,
        Right = 2,
    }

    public interface IMeter
    {
        int Peak { get; }
    }

    public struct GainStep
    {
        public int CentiDb;

        public GainStep(int centiDb)
        {
            CentiDb = centiDb;
        }
    }

    /// <summary>Things the net10 compiler lowers differently from nanoFramework's build, all legitimate there.</summary>
    public sealed class LanguageFeatures : IMeter
    {
        private static readonly int[] Table = { 1, 2, 3, 5, 8, 13 };
        private readonly object _gate = new object();
        private readonly ArrayList _items = new ArrayList();
        private readonly byte[] _buffer = new byte[4];

        public event LevelChanged Changed;

        public int Peak { get; private set; }

        public int this[int index]
        {
            get { return Table[index]; }
        }

        public void Raise(int level)
        {
            LevelChanged handler = Changed;
            if (handler != null)
            {
                handler(level);
            }
        }

        public int Sum()
        {
            int total = 0;
            lock (_gate)
            {
                foreach (object item in _items)
                {
                    total += (int)item;
                }
            }

            return total;
        }

        public string Describe(string mode, int value)
        {
            switch (mode)
            {
                case "mono": return "M" + value.ToString();
                case "stereo": return "S" + value.ToString("D2");
                case "off": return string.Format("{0}/{1}", new object[] { value, mode });
                default: return mode.Substring(0, 1) + Math.Max(value, 3).ToString();
            }
        }

        public bool SameType(object a, object b)
        {
            return a.GetType() == b.GetType();
        }

        public double Level(double linear)
        {
            return 20 * Math.Log10(Math.Abs(linear) + 1e-9);
        }

        public bool Parse(string text, out int value)
        {
            value = 0;
            try
            {
                value = int.Parse(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
            finally
            {
                Peak = value;
            }
        }

        public bool HasLeft(Channels channels)
        {
            return (channels & Channels.Left) != 0;
        }

        public GainStep Step(int centiDb)
        {
            Array.Clear(_buffer, 0, _buffer.Length);
            return new GainStep(centiDb);
        }
    }
}
