package org.parvis.console.privacy.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parvis.kernel.api.privacy.ProcessingRegister;

/** The processing register as CSV, for the DPO's records (protected like the page). */
@WebServlet("/staff/privacy/register.csv")
public class RegisterExport extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"registre-traitements.csv\"");
    response
        .getWriter()
        .write(
            ProcessingRegister.csv(
                ProcessingRegister.all(Thread.currentThread().getContextClassLoader())));
  }
}
