namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// A series capacitor between an output pin (Thévenin source) and a load to ground: what a
    /// headphone on a capacitor-coupled output, or an amplifier's AC-coupled input, sees. It
    /// blocks the pin's DC bias, so the load hears changes of the bias (a pop when it steps, a
    /// thump when it ramps fast) and not the bias itself.
    /// </summary>
    public sealed class CouplingCapacitor
    {
        private readonly double _dtOverC;
        private double _charge; // capacitor voltage, pin side minus load side

        /// <param name="farads">Capacitance (e.g. 220 µF for a headphone, 1 µF into an amplifier input).</param>
        public CouplingCapacitor(double farads)
        {
            _dtOverC = 1.0 / (AudioEngine.SampleRate * farads);
        }

        /// <summary>The load resistance in ohms; infinite when nothing is connected.</summary>
        public double LoadOhms { get; set; } = 32.0;

        /// <summary>Voltage across the capacitor (full-scale units).</summary>
        public double Charge
        {
            get { return _charge; }
        }

        /// <summary>
        /// Without supply both plates sit at ground through the pin and the load: the charge drains
        /// within milliseconds (220 µF through 32 Ω: τ 7 ms), so a board that was off starts from none.
        /// </summary>
        public void Discharge()
        {
            _charge = 0;
        }

        /// <summary>
        /// The steady state after a long time on this pin (rendering resumes after a gap in which
        /// time passed unrendered): charged to the pin's mean voltage over the block, so the load
        /// hears no bias. A floating pin or an open load charges nothing: the charge stays.
        /// </summary>
        public void Settle(OutputPin pin, int count)
        {
            if (count <= 0 || double.IsInfinity(pin.ResistanceOhms + LoadOhms))
            {
                return;
            }

            double sum = 0;
            double[] source = pin.Voltage;
            for (int i = 0; i < count; i++)
            {
                sum += source[i];
            }

            _charge = sum / count;
        }

        /// <summary>Computes the voltage across the load for each sample of the pin's block.</summary>
        public void Process(OutputPin pin, double[] load, int count)
        {
            double resistance = pin.ResistanceOhms + LoadOhms;
            double[] source = pin.Voltage;
            if (double.IsInfinity(resistance))
            {
                System.Array.Clear(load, 0, count);
                return;
            }

            if (IsDischargedAndSilent(this, source, count))
            {
                System.Array.Clear(load, 0, count);
                return;
            }

            double charge = _charge;
            double toLoad = LoadOhms / resistance;
            double step = _dtOverC / resistance;
            double keep = 1.0 - step;
            double keepTwice = keep * keep;
            double stepKeep = step * keep;
            int i = 0;
            for (; i + 1 < count; i += 2)
            {
                // two samples per round: the charge goes on from two samples back (one multiply-add
                // per two samples in the chain from round to round), the one between is a side branch
                double v0 = source[i];
                double v1 = source[i + 1];
                double halfway = charge * keep + v0 * step;
                load[i] = (v0 - charge) * toLoad;
                load[i + 1] = (v1 - halfway) * toLoad;
                charge = charge * keepTwice + (v0 * stepKeep + v1 * step);
            }

            if (i < count)
            {
                double v = source[i];
                load[i] = (v - charge) * toLoad;
                charge = charge * keep + v * step;
            }

            _charge = charge;
        }
    
        /// <summary>
        /// A stereo pair in one pass: each capacitor computes exactly what <see cref="Process"/>
        /// would, interleaved so that the two charge recurrences run side by side (the render's
        /// hot path; the samples are the same). True when both loads got exact zeros only (both
        /// capacitors discharged on pins at 0 V, or nothing connected).
        /// </summary>
        public static bool ProcessPair(CouplingCapacitor left, CouplingCapacitor right, OutputPin pinLeft, OutputPin pinRight, double[] loadLeft, double[] loadRight, int count)
        {
            double resistanceLeft = pinLeft.ResistanceOhms + left.LoadOhms;
            double resistanceRight = pinRight.ResistanceOhms + right.LoadOhms;
            if (double.IsInfinity(resistanceLeft) || double.IsInfinity(resistanceRight))
            {
                left.Process(pinLeft, loadLeft, count);
                right.Process(pinRight, loadRight, count);
                return double.IsInfinity(resistanceLeft) && double.IsInfinity(resistanceRight);
            }

            double[] sourceLeft = pinLeft.Voltage;
            double[] sourceRight = pinRight.Voltage;
            if (IsDischargedAndSilent(left, sourceLeft, count) && IsDischargedAndSilent(right, sourceRight, count))
            {
                System.Array.Clear(loadLeft, 0, count);
                System.Array.Clear(loadRight, 0, count);
                return true;
            }

            double chargeLeft = left._charge;
            double chargeRight = right._charge;
            double toLoadLeft = left.LoadOhms / resistanceLeft;
            double toLoadRight = right.LoadOhms / resistanceRight;
            double stepLeft = left._dtOverC / resistanceLeft;
            double stepRight = right._dtOverC / resistanceRight;
            double keepLeft = 1.0 - stepLeft;
            double keepRight = 1.0 - stepRight;
            if (count > sourceLeft.Length || count > sourceRight.Length || count > loadLeft.Length || count > loadRight.Length)
            {
                // (checked once here, the JIT leaves out the bounds check of every access in the loop)
                throw new System.ArgumentOutOfRangeException("count");
            }

            double keepTwiceLeft = keepLeft * keepLeft;
            double keepTwiceRight = keepRight * keepRight;
            double stepKeepLeft = stepLeft * keepLeft;
            double stepKeepRight = stepRight * keepRight;
            int i = 0;
            for (; i + 1 < count; i += 2)
            {
                // two samples per round, as Process does them
                double l0 = sourceLeft[i];
                double l1 = sourceLeft[i + 1];
                double r0 = sourceRight[i];
                double r1 = sourceRight[i + 1];
                double halfwayLeft = chargeLeft * keepLeft + l0 * stepLeft;
                double halfwayRight = chargeRight * keepRight + r0 * stepRight;
                loadLeft[i] = (l0 - chargeLeft) * toLoadLeft;
                loadRight[i] = (r0 - chargeRight) * toLoadRight;
                loadLeft[i + 1] = (l1 - halfwayLeft) * toLoadLeft;
                loadRight[i + 1] = (r1 - halfwayRight) * toLoadRight;
                chargeLeft = chargeLeft * keepTwiceLeft + (l0 * stepKeepLeft + l1 * stepLeft);
                chargeRight = chargeRight * keepTwiceRight + (r0 * stepKeepRight + r1 * stepRight);
            }

            if (i < count)
            {
                double l = sourceLeft[i];
                double r = sourceRight[i];
                loadLeft[i] = (l - chargeLeft) * toLoadLeft;
                loadRight[i] = (r - chargeRight) * toLoadRight;
                chargeLeft = chargeLeft * keepLeft + l * stepLeft;
                chargeRight = chargeRight * keepRight + r * stepRight;
            }

            left._charge = chargeLeft;
            right._charge = chargeRight;
            return false;
        }

        // No charge and a pin held at exactly 0 V (a codec without VMID): the load hears exact
        // zeros and the charge stays 0, so the loop has nothing to compute.
        private static bool IsDischargedAndSilent(CouplingCapacitor capacitor, double[] source, int count)
        {
            if (capacitor._charge != 0)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (source[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
