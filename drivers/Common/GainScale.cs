namespace InterfaceFirmware.Drivers
{
    /// <summary>
    /// The dB ↔ register-code mapping of one gain stage, in hundredths of a dB (integer arithmetic,
    /// no Math.Pow on the device). Either a linear field (a fixed step per code, possibly inverted)
    /// or an explicit table (a taper), each with an optional mute code. Requests land on the
    /// nearest step the stage has, clamped to its range; the caller learns what was set.
    /// </summary>
    public sealed class GainScale
    {
        /// <summary>Marks "muted" where a dB value is expected (no gain stage goes this low).</summary>
        public const int Muted = int.MinValue;

        /// <summary>Requests beyond ±1000 dB are treated as ±1000 dB (clamped to the range anyway).</summary>
        private const int RequestLimit = 100000;

        private readonly int _minCode;
        private readonly int _maxCode;
        private readonly int _centiDbAtMinCode;
        private readonly int _stepCentiDb;
        private readonly int[] _table;
        private readonly int _muteCode;
        private readonly bool _uniform;
        private readonly int _minCentiDb;
        private readonly int _maxCentiDb;

        // The last request and its code, packed in one long (one read, one write: a scale is shared
        // by every driver of its chip, and the host tests run on several threads): the loop asks the
        // same level for left and right, and again tick after tick while a stage rests.
        private long _lastRequest = (long)Muted << 32;

        private GainScale(int minCode, int maxCode, int centiDbAtMinCode, int stepCentiDb, int[] table, int muteCode)
        {
            _minCode = minCode;
            _maxCode = maxCode;
            _centiDbAtMinCode = centiDbAtMinCode;
            _stepCentiDb = stepCentiDb;
            _table = table;
            _muteCode = muteCode;
            _uniform = table == null && stepCentiDb != 0 && (muteCode < minCode || muteCode > maxCode);
            _minCentiDb = CentiDbFor(LowestGainCode());
            _maxCentiDb = CentiDbFor(CodeFor(RequestLimit));
        }

        /// <summary>
        /// Codes <paramref name="minCode"/>…<paramref name="maxCode"/>, <paramref name="stepCentiDb"/> apart
        /// (negative when a higher code means less gain), <paramref name="centiDbAtMinCode"/> at the
        /// lowest code; <paramref name="muteCode"/> is the code that mutes (-1 if none).
        /// </summary>
        public static GainScale Linear(int minCode, int maxCode, int centiDbAtMinCode, int stepCentiDb, int muteCode)
        {
            return new GainScale(minCode, maxCode, centiDbAtMinCode, stepCentiDb, null, muteCode);
        }

        /// <summary>Codes 0…table.Length−1 with the given gains (ascending), and a mute code (-1 if none).</summary>
        public static GainScale Table(int[] centiDbPerCode, int muteCode)
        {
            return new GainScale(0, centiDbPerCode.Length - 1, 0, 0, centiDbPerCode, muteCode);
        }

        public int MinCode
        {
            get { return _minCode; }
        }

        public int MaxCode
        {
            get { return _maxCode; }
        }

        /// <summary>The code that mutes, or -1.</summary>
        public int MuteCode
        {
            get { return _muteCode; }
        }

        /// <summary>Lowest gain (not counting mute), in 0.01 dB.</summary>
        public int MinCentiDb
        {
            get { return _minCentiDb; }
        }

        /// <summary>Highest gain, in 0.01 dB.</summary>
        public int MaxCentiDb
        {
            get { return _maxCentiDb; }
        }

        /// <summary>
        /// A linear field with no mute code between its ends: every code is a gain, evenly spaced,
        /// and <see cref="AtOrBelowInField"/> / <see cref="AtOrAboveInField"/> answer in closed form.
        /// </summary>
        public bool Uniform
        {
            get { return _uniform; }
        }

        /// <summary>The largest gain at or below <paramref name="centiDb"/>, the lowest gain if none is (a <see cref="Uniform"/> scale only).</summary>
        public int AtOrBelowInField(int centiDb)
        {
            centiDb = centiDb > RequestLimit ? RequestLimit : (centiDb < -RequestLimit ? -RequestLimit : centiDb);
            int step = _stepCentiDb;
            int offset = centiDb - _centiDbAtMinCode;
            // rising: the last code whose gain is ≤ the request; falling: the first such code
            int k = step > 0 ? FloorDivide(offset, step) : -FloorDivide(offset, -step);
            return GainAtClamped(k);
        }

        /// <summary>The smallest gain at or above <paramref name="centiDb"/>, the highest gain if none is (a <see cref="Uniform"/> scale only).</summary>
        public int AtOrAboveInField(int centiDb)
        {
            centiDb = centiDb > RequestLimit ? RequestLimit : (centiDb < -RequestLimit ? -RequestLimit : centiDb);
            int step = _stepCentiDb;
            int offset = centiDb - _centiDbAtMinCode;
            // rising: the first code whose gain is ≥ the request; falling: the last such code
            int k = step > 0 ? -FloorDivide(-offset, step) : FloorDivide(-offset, -step);
            return GainAtClamped(k);
        }

        // The gain k codes above the lowest code, k clamped to the field.
        private int GainAtClamped(int k)
        {
            int span = _maxCode - _minCode;
            k = k < 0 ? 0 : (k > span ? span : k);
            return _centiDbAtMinCode + k * _stepCentiDb;
        }

        /// <summary>The step size in 0.01 dB (0 for a table: steps vary).</summary>
        public int StepCentiDb
        {
            get { return _stepCentiDb < 0 ? -_stepCentiDb : _stepCentiDb; }
        }

        /// <summary>The gain a code gives, in 0.01 dB; <see cref="Muted"/> for the mute code.</summary>
        public int CentiDbFor(int code)
        {
            if (code == _muteCode)
            {
                return Muted;
            }

            if (_table != null)
            {
                return _table[code];
            }

            return _centiDbAtMinCode + (code - _minCode) * _stepCentiDb;
        }

        /// <summary>
        /// The code nearest to <paramref name="centiDb"/> (ties go to the lower gain), clamped to the
        /// range; <see cref="Muted"/> asks for the mute code (or the lowest gain if the stage cannot mute).
        /// Constant time for a linear field, a binary search for a table: it runs in the control loop.
        /// </summary>
        public int CodeFor(int centiDb)
        {
            if (centiDb == Muted)
            {
                return _muteCode >= 0 ? _muteCode : LowestGainCode();
            }

            long last = _lastRequest;
            if ((int)(last >> 32) == centiDb)
            {
                return (int)last;
            }

            int requested = centiDb;

            // far beyond any stage's range, and safe from overflow in the arithmetic below
            centiDb = centiDb > RequestLimit ? RequestLimit : (centiDb < -RequestLimit ? -RequestLimit : centiDb);
            int code = _table != null ? NearestInTable(centiDb) : NearestInField(centiDb);
            if (code == _muteCode)
            {
                // a mute code inside the range is not a gain: take the neighbour nearer the request
                int up = code + 1 <= _maxCode ? code + 1 : code - 1;
                int down = code - 1 >= _minCode ? code - 1 : code + 1;
                int dUp = Distance(CentiDbFor(up), centiDb);
                int dDown = Distance(CentiDbFor(down), centiDb);
                bool upIsLower = CentiDbFor(up) < CentiDbFor(down);
                code = dUp < dDown || (dUp == dDown && upIsLower) ? up : down; // ties: the lower gain
            }

            _lastRequest = ((long)requested << 32) | (uint)code;
            return code;
        }

        /// <summary>What a request for <paramref name="centiDb"/> would actually set, in 0.01 dB.</summary>
        public int Quantize(int centiDb)
        {
            return CentiDbFor(CodeFor(centiDb));
        }

        private int LowestGainCode()
        {
            int code = _table != null || _stepCentiDb > 0 ? _minCode : _maxCode;
            if (code == _muteCode)
            {
                code += _table != null || _stepCentiDb > 0 ? 1 : -1;
            }

            return code;
        }

        // k = (request − gain at min code) / step, rounded to the nearer gain (ties to the lower gain),
        // in closed form: with offset = k·step + r, the nearer of k and k + 1 is k while 2r ≤ step
        // (a rising field; ties to k, the lower gain), and for a falling field (step < 0) k + 1 from
        // 2r ≥ |step| on (ties to k + 1, the lower gain). Then clamped to the field.
        private int NearestInField(int centiDb)
        {
            int span = _maxCode - _minCode;
            int offset = centiDb - _centiDbAtMinCode;
            int step = _stepCentiDb;
            int k;
            if (offset % step == 0)
            {
                k = offset / step; // on the grid (what the planner asks mostly)
            }
            else
            {
                k = step > 0 ? FloorDivide(2 * offset + step - 1, 2 * step) : FloorDivide(-2 * offset - step, -2 * step);
            }

            return _minCode + (k < 0 ? 0 : (k > span ? span : k));
        }

        // The table ascends: find the first entry at or above the request, compare with the one below.
        private int NearestInTable(int centiDb)
        {
            int low = 0;
            int high = _table.Length - 1;
            if (centiDb <= _table[low])
            {
                return low;
            }

            if (centiDb >= _table[high])
            {
                return high;
            }

            while (high - low > 1)
            {
                int middle = (low + high) / 2;
                if (_table[middle] < centiDb)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            // _table[low] < centiDb <= _table[high]
            return Distance(_table[high], centiDb) < Distance(_table[low], centiDb) ? high : low;
        }

        private static int FloorDivide(int numerator, int denominator)
        {
            int quotient = numerator / denominator;
            if ((numerator % denominator != 0) && ((numerator < 0) != (denominator < 0)))
            {
                quotient--;
            }

            return quotient;
        }

        private static int Distance(int a, int b)
        {
            return a > b ? a - b : b - a;
        }
    }
}
