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

        /// <summary>Computes the voltage across the load for each sample of the pin's block.</summary>
        public void Process(OutputPin pin, double[] load, int count)
        {
            double resistance = pin.ResistanceOhms + LoadOhms;
            double[] source = pin.Voltage;
            if (double.IsInfinity(resistance))
            {
                for (int i = 0; i < count; i++)
                {
                    load[i] = 0;
                }

                return;
            }

            double charge = _charge;
            double loadOhms = LoadOhms;
            double step = _dtOverC / resistance;
            for (int i = 0; i < count; i++)
            {
                double current = (source[i] - charge) / resistance;
                load[i] = current * loadOhms;
                charge += (source[i] - charge) * step;
            }

            _charge = charge;
        }
    }
}
